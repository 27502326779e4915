import { ApiProperty } from '@nestjs/swagger';
import {
  Address,
  ALL_CONSENT_CHANNELS,
  ConsentChannel,
  PREFERRED_LANGUAGES,
  PreferredLanguage,
} from '@crm/contracts';
import { GeoPointDto } from '@crm/http';
import { Consent, Customer, CustomerKind, CustomerStatus, Gender } from '../customer';

const KINDS: CustomerKind[] = ['person', 'company'];
const GENDERS: Gender[] = ['female', 'male', 'other', 'unknown'];
const STATUSES: CustomerStatus[] = ['active', 'merged', 'erased'];
const nullableString = { type: String, nullable: true } as const;

export class AddressResponse implements Address {
  @ApiProperty({ ...nullableString, example: '上海市' })
  province: string | null;
  @ApiProperty({ ...nullableString, example: '上海市' })
  city: string | null;
  @ApiProperty({ ...nullableString, example: '浦东新区' })
  district: string | null;
  @ApiProperty({ ...nullableString, example: '世纪大道 100 号' })
  street: string | null;
  @ApiProperty({ ...nullableString, example: '200120' })
  postalCode: string | null;
  @ApiProperty({ type: GeoPointDto, nullable: true })
  location: GeoPointDto | null;
}

export class ConsentResponse implements Consent {
  @ApiProperty({ enum: ALL_CONSENT_CHANNELS })
  channel: ConsentChannel;
  @ApiProperty()
  granted: boolean;
  @ApiProperty({ format: 'date-time' })
  at: string;
  @ApiProperty({ example: 'call-center' })
  source: string;
}

export class CustomerResponse implements Customer {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: KINDS })
  kind: CustomerKind;
  @ApiProperty({ example: '司马青山' })
  name: string;
  @ApiProperty({ ...nullableString, example: 'sima qingshan' })
  nameLatin: string | null;
  @ApiProperty({ example: ['+8613912345678'] })
  phones: string[];
  @ApiProperty({ example: ['qingshan@example.cn'] })
  emails: string[];
  @ApiProperty({ type: AddressResponse, nullable: true })
  address: AddressResponse | null;
  @ApiProperty({ ...nullableString, format: 'date' })
  birthday: string | null;
  @ApiProperty({ enum: GENDERS, nullable: true })
  gender: Gender | null;
  @ApiProperty({ example: ['vip'] })
  tags: string[];
  @ApiProperty({ ...nullableString, format: 'uuid' })
  ownerSalesRepId: string | null;
  @ApiProperty({ type: [ConsentResponse] })
  consents: ConsentResponse[];
  @ApiProperty({ enum: PREFERRED_LANGUAGES, nullable: true, description: 'null: not known (Chinese)' })
  preferredLanguage: PreferredLanguage | null;
  @ApiProperty({ enum: STATUSES })
  status: CustomerStatus;
  @ApiProperty({ ...nullableString, format: 'uuid', description: 'The survivor, once merged' })
  mergedInto: string | null;
  @ApiProperty({ description: 'Grows by one with every change' })
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class CustomerPageResponse {
  @ApiProperty({ type: [CustomerResponse] })
  items: CustomerResponse[];
  @ApiProperty({ example: 20 })
  limit: number;
  @ApiProperty({ example: 0 })
  offset: number;
}

export class AuditEntryResponse {
  @ApiProperty()
  actorId: string;
  @ApiProperty({ example: 'user' })
  actorKind: string;
  @ApiProperty({ example: 'customer.updated' })
  action: string;
  @ApiProperty({ example: 'customer' })
  entityType: string;
  @ApiProperty({ format: 'uuid' })
  entityId: string;
  @ApiProperty({ example: ['phones'], description: 'Field names only, never their values' })
  changedFields: string[];
  @ApiProperty()
  correlationId: string;
  @ApiProperty({ format: 'date-time' })
  at: string;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] })
  items: AuditEntryResponse[];
  @ApiProperty({ example: 20 })
  limit: number;
  @ApiProperty({ example: 0 })
  offset: number;
}
