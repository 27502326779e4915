import { ApiProperty } from '@nestjs/swagger';
import { Address, QualityType, QualityTypes } from '@crm/contracts';
import { GeoPointDto } from '@crm/http';
import { OpeningHours, Station } from '../station';
import { WebhookRegistration } from '../station-webhook.service';

const nullableString = { type: String, nullable: true } as const;

export class StationAddressResponse implements Address {
  @ApiProperty({ ...nullableString, example: '广东省' })
  province: string | null;
  @ApiProperty({ ...nullableString, example: '深圳市' })
  city: string | null;
  @ApiProperty({ ...nullableString, example: '南山区' })
  district: string | null;
  @ApiProperty(nullableString)
  street: string | null;
  @ApiProperty(nullableString)
  postalCode: string | null;
  @ApiProperty({ type: GeoPointDto, nullable: true })
  location: GeoPointDto | null;
}

export class OpeningHoursResponse {
  @ApiProperty({ minimum: 0, maximum: 6, description: '0 is Sunday' })
  day: number;
  @ApiProperty({ example: '08:30' })
  opens: string;
  @ApiProperty({ example: '18:00' })
  closes: string;
}

export class StationResponse implements Station {
  @ApiProperty({ format: 'uuid' })
  stationId: string;
  @ApiProperty({ example: 'RS-SZ-001' })
  code: string;
  @ApiProperty({ example: '深圳南山站' })
  name: string;
  @ApiProperty(nullableString)
  phone: string | null;
  @ApiProperty({ type: StationAddressResponse })
  address: StationAddressResponse;
  @ApiProperty({ type: GeoPointDto })
  location: GeoPointDto;
  @ApiProperty({ example: ['Volkswagen'] })
  brands: string[];
  @ApiProperty({ enum: Object.values(QualityTypes), isArray: true })
  skills: QualityType[];
  @ApiProperty()
  capacity: number;
  @ApiProperty({ description: 'Tickets assigned and not yet resolved' })
  openTickets: number;
  @ApiProperty({ type: [OpeningHoursResponse] })
  openingHours: OpeningHours;
  @ApiProperty()
  active: boolean;
  @ApiProperty({ ...nullableString, format: 'uri' })
  webhookUrl: string | null;
}

export class WebhookRegistrationResponse implements WebhookRegistration {
  @ApiProperty({ format: 'uuid' })
  stationId: string;
  @ApiProperty({ format: 'uri' })
  url: string;
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description:
      'Shown once: verify `webhook-signature` with it (Standard Webhooks); registering again replaces it',
  })
  secret: string;
}
