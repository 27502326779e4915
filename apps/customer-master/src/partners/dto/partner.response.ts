import { ApiProperty } from '@nestjs/swagger';
import { ALL_PARTNER_KINDS, PartnerKind, QualityType, QualityTypes } from '@crm/contracts';
import { GeoPointDto } from '@crm/http';
import { AddressResponse } from '../../customers/dto/customer.response';
import { Partner } from '../partner';

export class OpeningHoursResponse {
  @ApiProperty({ minimum: 0, maximum: 6, description: '0 is Sunday' })
  day: number;
  @ApiProperty({ example: '08:30' })
  opens: string;
  @ApiProperty({ example: '18:00' })
  closes: string;
}

export class PartnerResponse implements Partner {
  @ApiProperty({ format: 'uuid' })
  partnerId: string;
  @ApiProperty({ enum: ALL_PARTNER_KINDS })
  kind: PartnerKind;
  @ApiProperty({ example: 'RS-SH-001' })
  code: string;
  @ApiProperty({ example: '上海浦东维修站' })
  name: string;
  @ApiProperty({ type: String, nullable: true })
  phone: string | null;
  @ApiProperty({ type: AddressResponse })
  address: AddressResponse;
  @ApiProperty({ type: GeoPointDto })
  location: GeoPointDto;
  @ApiProperty({ example: ['Aurora'] })
  brands: string[];
  @ApiProperty({ enum: Object.values(QualityTypes), isArray: true })
  skills: QualityType[];
  @ApiProperty({ description: 'Open tickets a repair station takes at once' })
  capacity: number;
  @ApiProperty({ type: [OpeningHoursResponse] })
  openingHours: OpeningHoursResponse[];
  @ApiProperty()
  active: boolean;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class PartnerPageResponse {
  @ApiProperty({ type: [PartnerResponse] })
  items: PartnerResponse[];
  @ApiProperty({ example: 20 })
  limit: number;
  @ApiProperty({ example: 0 })
  offset: number;
}

export class NearbyPartnerResponse extends PartnerResponse {
  @ApiProperty({ example: 1250 })
  distanceMeters: number;
}

export class NearbyPartnersResponse {
  @ApiProperty({ type: [NearbyPartnerResponse], description: 'Nearest first' })
  items: NearbyPartnerResponse[];
}
