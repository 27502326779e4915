import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { OFFER_KINDS, OfferKind, VALUE_TIERS, ValueTier } from '@crm/contracts';
import { OfferRuleInput } from '../offer-rule';

export class OfferRuleDto implements OfferRuleInput {
  @ApiProperty({ example: 'Gold, quiet for a year: inspection discount' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: VALUE_TIERS, description: "The customer's value tier (analytics, ADR 0027)" })
  @IsIn(VALUE_TIERS)
  tier: ValueTier;

  @ApiProperty({
    minimum: 0,
    maximum: 120,
    example: 12,
    description: 'Months without a service visit (a recorded repair); 0 ignores service history',
  })
  @IsInt()
  @Min(0)
  @Max(120)
  monthsSinceService: number;

  @ApiProperty({ example: '20% off your next inspection' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: OFFER_KINDS })
  @IsIn(OFFER_KINDS)
  kind: OfferKind;

  @ApiProperty({
    example: 20,
    description: 'Percent (at most 100) for percent-off, the amount for amount-off',
  })
  @IsNumber({ maxDecimalPlaces: 2 })
  @IsPositive()
  @Max(1_000_000)
  value: number;

  @ApiPropertyOptional({
    example: 'CNY',
    description: 'ISO 4217; required for amount-off, absent for percent-off',
  })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency?: string | null;

  @ApiProperty({ example: 'inspection', description: 'What the offer applies to' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  appliesTo: string;

  @ApiProperty({ minimum: 1, maximum: 365, example: 90, description: 'Days a granted offer stays valid' })
  @IsInt()
  @Min(1)
  @Max(365)
  validityDays: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class OfferRuleView extends OfferRuleDto {
  @ApiProperty({ format: 'uuid' }) ruleId: string;
  @ApiProperty({ nullable: true, type: String }) declare currency: string | null;
  @ApiProperty() declare enabled: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class OfferRulePage {
  @ApiProperty({ type: [OfferRuleView] }) items: OfferRuleView[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
