import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { OFFER_KINDS } from '@crm/contracts';
import { OFFER_STATUSES } from '../offer';

export class OfferAppliedDto {
  @ApiPropertyOptional({
    example: 'INV-2026-000123',
    description: "Billing's own reference (invoice or account line)",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  reference?: string;
}

export class OfferQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  customerId: string;
}

export class OfferView {
  @ApiProperty({ format: 'uuid' }) offerId: string;
  @ApiProperty({ format: 'uuid' }) ruleId: string;
  @ApiProperty({ format: 'uuid' }) customerId: string;
  @ApiProperty({ example: '20% off your next inspection' }) title: string;
  @ApiProperty({ enum: OFFER_KINDS }) kind: string;
  @ApiProperty({ example: 20 }) value: number;
  @ApiProperty({ nullable: true, type: String, example: null }) currency: string | null;
  @ApiProperty({ example: 'inspection' }) appliesTo: string;
  @ApiProperty({ example: 'gold tier, no service visit for 12 months' }) reason: string;
  @ApiProperty({ format: 'date-time' }) grantedAt: string;
  @ApiProperty({ format: 'date-time' }) validUntil: string;
  @ApiProperty({ enum: OFFER_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) appliedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt: string | null;
}

export class OfferList {
  @ApiProperty({ type: [OfferView] }) items: OfferView[];
}
