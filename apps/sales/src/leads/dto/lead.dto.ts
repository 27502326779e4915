import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  LEAD_ASSIGNMENT_STRATEGIES,
  LEAD_SOURCES,
  LEAD_STATUSES,
  LeadSource,
  LeadStatus,
  PURCHASE_TIMEFRAMES,
  PurchaseTimeframe,
} from '@crm/contracts';
import { GeoPointDto, IsCalendarDate, PageQuery, QueryNumber } from '@crm/http';
import { MoneyDto, MoneyView } from '../../opportunities/dto/money.dto';
import { OpportunityView } from '../../opportunities/dto/opportunity.dto';
import { AssignmentStrategy } from '../assignment/lead-assignment';
import { MATCH_FIELDS, MatchField } from '../../customers/customer-contact';
import { WORKABLE_LEAD_STATUSES } from '../lead';

export class LeadInterestDto {
  @ApiPropertyOptional({ example: 'Aurora S7' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  model?: string;

  @ApiPropertyOptional({ type: MoneyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  budget?: MoneyDto;

  @ApiPropertyOptional({ enum: PURCHASE_TIMEFRAMES })
  @IsOptional()
  @IsIn(PURCHASE_TIMEFRAMES)
  timeframe?: PurchaseTimeframe;
}

export class CaptureLeadDto {
  @ApiProperty({
    enum: LEAD_SOURCES,
    description: "A dealer's leads are always `dealer` leads of that dealer",
  })
  @IsIn(LEAD_SOURCES)
  source: LeadSource;

  @ApiProperty({ example: '张伟' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '+86 138 0013 8000', description: 'A phone or an email is required' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ example: 'zhang.wei@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number;

  @ApiPropertyOptional({ type: LeadInterestDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LeadInterestDto)
  interest?: LeadInterestDto;

  @ApiPropertyOptional({
    description: 'A salesperson in your part of the team; defaults to you when you are in it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The dealer that works the lead (set for dealers)' })
  @IsOptional()
  @IsUUID()
  partnerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  campaignId?: string;

  @ApiPropertyOptional({ example: '周末想来店试驾' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({ type: GeoPointDto, description: 'Where the prospect is, for the nearest dealer' })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto;
}

export class ChangeLeadDto {
  @ApiPropertyOptional({ enum: WORKABLE_LEAD_STATUSES })
  @IsOptional()
  @IsIn(WORKABLE_LEAD_STATUSES)
  status?: (typeof WORKABLE_LEAD_STATUSES)[number];

  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;
}

export class ConvertLeadDto {
  @ApiPropertyOptional({ description: "Defaults to the lead's name and model" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  pipelineId?: string;

  @ApiPropertyOptional({ type: MoneyDto, description: "Defaults to the lead's budget" })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount?: MoneyDto;

  @ApiPropertyOptional({ example: '2026-12-31', format: 'date' })
  @IsOptional()
  @IsCalendarDate()
  expectedCloseDate?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The customer the lead is, picked from the candidates of an earlier 409',
  })
  @IsOptional()
  @IsUUID()
  customerId?: string;
}

export class ListLeadsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: LEAD_STATUSES })
  @IsOptional()
  @IsIn(LEAD_STATUSES)
  status?: LeadStatus;

  @ApiPropertyOptional({ enum: LEAD_SOURCES })
  @IsOptional()
  @IsIn(LEAD_SOURCES)
  source?: LeadSource;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  ownerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Only leads scoring at least this' })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(0)
  @Max(100)
  minScore?: number;
}

export class LeadInterestView {
  @ApiProperty({ nullable: true, type: String }) model: string | null;
  @ApiProperty({ nullable: true, type: MoneyView }) budget: MoneyView | null;
  @ApiProperty({ nullable: true, enum: PURCHASE_TIMEFRAMES }) timeframe: PurchaseTimeframe | null;
}

export class CustomerMatchView {
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ enum: MATCH_FIELDS, isArray: true, description: 'What the lead shares with the customer' })
  matchedOn: MatchField[];
}

export class LeadAssignmentView {
  @ApiProperty({ enum: LEAD_ASSIGNMENT_STRATEGIES }) strategy: AssignmentStrategy;
  @ApiPropertyOptional({ format: 'uuid', description: 'nearest-dealer: the dealer chosen' })
  partnerId?: string;
  @ApiPropertyOptional({ example: 'D-SH-01' }) dealerCode?: string;
  @ApiPropertyOptional({ description: 'nearest-dealer: meters from the lead to the dealer' })
  distanceMeters?: number;
  @ApiPropertyOptional({ description: 'nearest-dealer: the dealer’s open leads when chosen' })
  openLeads?: number;
  @ApiPropertyOptional({
    type: [String],
    description: 'nearest-dealer: codes of dealers as near that lost on open leads, then code',
  })
  tiedWith?: string[];
  @ApiPropertyOptional({ description: 'round-robin: the team’s manager' }) managerId?: string;
  @ApiPropertyOptional({ description: 'round-robin: the rep whose turn it was' }) ownerId?: string;
  @ApiPropertyOptional({ description: 'round-robin: the team’s running count of handed-out leads' })
  turn?: number;
  @ApiProperty({ description: 'Who captured or assigned the lead' }) decidedBy: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class AssignLeadDto {
  @ApiProperty({
    enum: LEAD_ASSIGNMENT_STRATEGIES,
    description:
      'nearest-dealer: the nearest active dealer selling the model (ties: fewer open leads, then lower dealer code); round-robin: the next direct report of managerId',
  })
  @IsIn(LEAD_ASSIGNMENT_STRATEGIES)
  strategy: AssignmentStrategy;

  @ApiPropertyOptional({ description: 'round-robin: the manager whose direct reports take turns' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  managerId?: string;

  @ApiPropertyOptional({
    type: GeoPointDto,
    description: 'nearest-dealer: where the prospect is, if not known yet',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location?: GeoPointDto;
}

export class LeadView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: LEAD_SOURCES }) source: LeadSource;
  @ApiProperty({ enum: LEAD_STATUSES }) status: LeadStatus;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, example: '+8613800138000' }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The matched customer' })
  customerId: string | null;
  @ApiProperty({
    type: [CustomerMatchView],
    description: 'Customers the lead may be when no single one matched (phone, email, name)',
  })
  customerCandidates: CustomerMatchView[];
  @ApiProperty({ nullable: true, type: String }) ownerId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) partnerId: string | null;
  @ApiProperty() score: number;
  @ApiProperty({ type: LeadInterestView }) interest: LeadInterestView;
  @ApiProperty({ nullable: true, type: GeoPointDto }) location: GeoPointDto | null;
  @ApiProperty({
    nullable: true,
    type: LeadAssignmentView,
    description: 'How a rule chose the dealer or owner',
  })
  assignment: LeadAssignmentView | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) campaignId: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) opportunityId: string | null;
  @ApiProperty() capturedBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class LeadPageView {
  @ApiProperty({ type: [LeadView] }) items: LeadView[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class LeadConversionView {
  @ApiProperty({ format: 'uuid' }) leadId: string;
  @ApiProperty({ format: 'uuid', description: 'The customer in the customer master' }) customerId: string;
  @ApiProperty({ type: OpportunityView }) opportunity: OpportunityView;
}
