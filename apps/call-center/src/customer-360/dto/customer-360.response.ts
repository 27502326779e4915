import { ApiProperty } from '@nestjs/swagger';
import {
  Address,
  ALL_CONSENT_CHANNELS,
  ConsentChannel,
  OFFER_KINDS,
  TICKET_STATUSES,
  TicketStatus,
  VALUE_TIERS,
  ValueTier,
} from '@crm/contracts';
import { GeoPointDto } from '@crm/http';
import { AgentRef } from '../../interactions/interaction';
import { InteractionResponse } from '../../interactions/dto/interaction.response';
import {
  ActiveOfferView,
  Consent,
  Customer360,
  CustomerProfile,
  NextBestOfferView,
  BrowsingProfileView,
  ModelDwell,
  OpportunityView,
  PartnerRef,
  RepairView,
  SalesActivityView,
  SatisfactionView,
  TicketView,
  ValueTierView,
  VehicleView,
  WarrantyState,
} from '../customer-360';

const WARRANTY: WarrantyState[] = ['in-warranty', 'out-of-warranty', 'unknown'];
const nullableString = { type: String, nullable: true } as const;
const nullableDate = { type: String, format: 'date', nullable: true } as const;
const nullableUuid = { type: String, format: 'uuid', nullable: true } as const;

export class PartnerRefResponse implements PartnerRef {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ ...nullableString, example: '上海浦东4S店' })
  name: string | null;
}

export class AddressResponse implements Address {
  @ApiProperty(nullableString)
  province: string | null;
  @ApiProperty({ ...nullableString, example: '上海市' })
  city: string | null;
  @ApiProperty(nullableString)
  district: string | null;
  @ApiProperty(nullableString)
  street: string | null;
  @ApiProperty(nullableString)
  postalCode: string | null;
  @ApiProperty({ type: GeoPointDto, nullable: true })
  location: GeoPointDto | null;
}

export class CustomerProfileResponse implements CustomerProfile {
  @ApiProperty({ format: 'uuid' })
  customerId: string;
  @ApiProperty({ example: 'person' })
  kind: string;
  @ApiProperty({ example: '张三' })
  name: string;
  @ApiProperty({ ...nullableString, example: 'zhang san' })
  nameLatin: string | null;
  @ApiProperty({ example: ['+8613800138000'] })
  phones: string[];
  @ApiProperty({ example: ['zhang.san@example.cn'] })
  emails: string[];
  @ApiProperty({ type: AddressResponse, nullable: true })
  address: AddressResponse | null;
  @ApiProperty(nullableDate)
  birthday: string | null;
  @ApiProperty(nullableString)
  gender: string | null;
  @ApiProperty({ example: ['vip'] })
  tags: string[];
}

export class ConsentResponse implements Consent {
  @ApiProperty({
    enum: ALL_CONSENT_CHANNELS,
    example: 'sms',
    description: 'A contact channel, or web: website tracking',
  })
  channel: ConsentChannel;
  @ApiProperty()
  granted: boolean;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ example: 'call-center' })
  source: string;
}

export class VehicleViewResponse implements VehicleView {
  @ApiProperty({ format: 'uuid' })
  vehicleId: string;
  @ApiProperty({ example: 'LSVAU2180N2123456' })
  vin: string;
  @ApiProperty({ example: 'Volkswagen' })
  brand: string;
  @ApiProperty({ example: 'Lavida' })
  model: string;
  @ApiProperty({ type: Number, nullable: true, example: 2024 })
  modelYear: number | null;
  @ApiProperty(nullableDate)
  purchaseDate: string | null;
  @ApiProperty({ type: PartnerRefResponse, nullable: true })
  sellingDealer: PartnerRefResponse | null;
  @ApiProperty(nullableDate)
  warrantyEnd: string | null;
  @ApiProperty({ enum: WARRANTY })
  warranty: WarrantyState;
}

export class RepairViewResponse implements RepairView {
  @ApiProperty({ format: 'uuid' })
  repairId: string;
  @ApiProperty({ format: 'uuid' })
  ticketId: string;
  @ApiProperty({ example: 'T-20261124-000123' })
  ticketNumber: string;
  @ApiProperty(nullableUuid)
  vehicleId: string | null;
  @ApiProperty(nullableString)
  vin: string | null;
  @ApiProperty({ type: PartnerRefResponse })
  station: PartnerRefResponse;
  @ApiProperty({ format: 'date-time' })
  repairedAt: string;
  @ApiProperty({ example: 'brakes' })
  qualityType: string;
  @ApiProperty()
  workDone: string;
  @ApiProperty()
  technician: string;
}

export class AgentRefResponse implements AgentRef {
  @ApiProperty({ description: 'The user id (token subject)' })
  id: string;
  @ApiProperty({ ...nullableString, example: '王丽' })
  name: string | null;
}

export class SatisfactionViewResponse implements SatisfactionView {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 })
  score: number;
  @ApiProperty(nullableString)
  comment: string | null;
  @ApiProperty({ format: 'date-time' })
  recordedAt: string;
}

export class TicketViewResponse implements TicketView {
  @ApiProperty({ format: 'uuid' })
  ticketId: string;
  @ApiProperty({ example: 'T-20261124-000123' })
  number: string;
  @ApiProperty({ enum: TICKET_STATUSES })
  status: TicketStatus;
  @ApiProperty()
  open: boolean;
  @ApiProperty({ example: 'brakes' })
  qualityType: string;
  @ApiProperty({ example: 'high' })
  severity: string;
  @ApiProperty()
  description: string;
  @ApiProperty(nullableUuid)
  vehicleId: string | null;
  @ApiProperty({ type: PartnerRefResponse, nullable: true })
  station: PartnerRefResponse | null;
  @ApiProperty(nullableString)
  acceptedBy: string | null;
  @ApiProperty({ type: AgentRefResponse, nullable: true })
  openedBy: AgentRefResponse | null;
  @ApiProperty({ type: SatisfactionViewResponse, nullable: true })
  satisfaction: SatisfactionViewResponse | null;
  @ApiProperty({ format: 'date-time' })
  openedAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class SalesActivityViewResponse implements SalesActivityView {
  @ApiProperty({ format: 'uuid' })
  activityId: string;
  @ApiProperty({ example: 'call' })
  type: string;
  @ApiProperty({ example: 'Test drive follow-up' })
  subject: string;
  @ApiProperty()
  discussed: string;
  @ApiProperty(nullableString)
  nextStep: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  nextStepDue: string | null;
  @ApiProperty()
  ownerId: string;
  @ApiProperty(nullableString)
  ownerName: string | null;
  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
}

export class NextBestOfferViewResponse implements NextBestOfferView {
  @ApiProperty({ example: 'Nova E3' })
  product: string;
  @ApiProperty({ example: 'Aurora S7', description: 'The owned product the offer follows from' })
  basedOn: string;
  @ApiProperty({ example: 'owners of Aurora S7 often buy Nova E3: confidence 42%, lift 3.1' })
  reason: string;
  @ApiProperty({ format: 'date-time', description: 'When campaigns chose this product for the customer' })
  since: string;
}

export class ActiveOfferViewResponse implements ActiveOfferView {
  @ApiProperty({ format: 'uuid' })
  offerId: string;
  @ApiProperty({ example: '20% off your next inspection' })
  title: string;
  @ApiProperty({ enum: OFFER_KINDS })
  kind: string;
  @ApiProperty({ example: 20, description: 'Percent for percent-off, the amount for amount-off' })
  value: number;
  @ApiProperty(nullableString)
  currency: string | null;
  @ApiProperty({ example: 'inspection' })
  appliesTo: string;
  @ApiProperty({ example: 'gold tier, no service visit for 12 months' })
  reason: string;
  @ApiProperty({ enum: ['granted', 'applied'], description: 'applied: billing acknowledged it' })
  status: 'granted' | 'applied';
  @ApiProperty({ format: 'date-time' })
  grantedAt: string;
  @ApiProperty({ format: 'date-time' })
  validUntil: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  appliedAt: string | null;
}

export class ModelDwellResponse implements ModelDwell {
  @ApiProperty({ example: 'Aurora S7' })
  model: string;
  @ApiProperty({ example: 540 })
  dwellSeconds: number;
}

export class BrowsingProfileViewResponse implements BrowsingProfileView {
  @ApiProperty({
    example: ['Aurora S7', 'Nova E3'],
    description:
      'Models looked at, longest looked at first (each view capped at 10 minutes, bounces left out)',
  })
  models: string[];
  @ApiProperty({ example: ['models', 'financing'], description: 'Page categories, ranked as the models' })
  interests: string[];
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 780,
    description: 'Visible time on the site over the kept page views; null when not known yet',
  })
  dwellSeconds: number | null;
  @ApiProperty({ type: [ModelDwellResponse], description: 'That time per model, in the order of models' })
  modelDwell: ModelDwellResponse[];
  @ApiProperty({ example: 3, description: 'Visits in the kept window' })
  visits: number;
  @ApiProperty({ format: 'date-time', description: 'When the latest visit began' })
  lastVisitAt: string;
}

export class ValueTierViewResponse implements ValueTierView {
  @ApiProperty({ enum: VALUE_TIERS, example: 'gold' })
  tier: ValueTier;
  @ApiProperty({ example: 386000, description: 'The revenue over the value window the tier was cut on' })
  value: number;
  @ApiProperty({ example: 'CNY' })
  currency: string;
  @ApiProperty({ format: 'date-time', description: 'When analytics computed the tier' })
  computedAt: string;
}

export class OpportunityViewResponse implements OpportunityView {
  @ApiProperty({ format: 'uuid' })
  opportunityId: string;
  @ApiProperty({ example: 'Nova E3 for the family' })
  name: string;
  @ApiProperty({ example: 'negotiation' })
  stage: string;
  @ApiProperty({ minimum: 0, maximum: 100, example: 60 })
  probability: number;
  @ApiProperty({ type: Number, nullable: true, example: 189000 })
  amount: number | null;
  @ApiProperty({ ...nullableString, example: 'CNY' })
  currency: string | null;
  @ApiProperty(nullableDate)
  expectedCloseDate: string | null;
  @ApiProperty({ description: 'The salesperson who owns it (user id)' })
  ownerId: string;
  @ApiProperty({ format: 'date-time', description: 'When it last moved' })
  changedAt: string;
}

export class Customer360Response implements Customer360 {
  @ApiProperty({ type: CustomerProfileResponse })
  profile: CustomerProfileResponse;
  @ApiProperty({ type: [ConsentResponse] })
  consents: ConsentResponse[];
  @ApiProperty({ type: [VehicleViewResponse] })
  vehicles: VehicleViewResponse[];
  @ApiProperty({ type: [RepairViewResponse] })
  repairs: RepairViewResponse[];
  @ApiProperty({ type: [TicketViewResponse] })
  tickets: TicketViewResponse[];
  @ApiProperty({ type: [InteractionResponse] })
  interactions: InteractionResponse[];
  @ApiProperty({ type: [SalesActivityViewResponse], description: 'From the sales app’s activity events' })
  salesActivities: SalesActivityViewResponse[];
  @ApiProperty({
    type: NextBestOfferViewResponse,
    nullable: true,
    description: 'What campaigns would offer next and why (its cross-sell rules); null when nothing',
  })
  nextBestOffer: NextBestOfferViewResponse | null;
  @ApiProperty({
    type: [ActiveOfferViewResponse],
    description:
      "Offers granted by integration's offer rules and still valid, with whether billing applied them",
  })
  offers: ActiveOfferViewResponse[];
  @ApiProperty({
    type: BrowsingProfileViewResponse,
    nullable: true,
    description: 'What the customer looked at on the website (with their consent); null when nothing',
  })
  browsingProfile: BrowsingProfileViewResponse | null;
  @ApiProperty({
    type: ValueTierViewResponse,
    nullable: true,
    description: "The customer's tier in analytics' value pyramid; null until analytics placed them",
  })
  valueTier: ValueTierViewResponse | null;
  @ApiProperty({
    type: [OpportunityViewResponse],
    description: "The customer's sales opportunities neither won nor lost (from sales' opportunity events)",
  })
  openOpportunities: OpportunityViewResponse[];
}
