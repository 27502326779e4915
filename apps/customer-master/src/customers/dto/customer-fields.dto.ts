import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ALL_CONSENT_CHANNELS, PREFERRED_LANGUAGES, PreferredLanguage } from '@crm/contracts';
import { IsCalendarDate } from '@crm/http';
import { AddressDto } from './address.dto';
import { ConsentInputDto } from './consent-input.dto';

export const CUSTOMER_KINDS = ['person', 'company'] as const;
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;

/** Optional fields of a customer, shared by creating and updating. */
export class CustomerFieldsDto {
  @ApiPropertyOptional({
    description: 'Phone numbers in any common format; stored as E.164',
    example: ['138 0013 8000'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  phones?: string[];

  @ApiPropertyOptional({ example: ['zhang.san@example.com'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  emails?: string[];

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ example: '1985-04-12' })
  @IsOptional()
  @IsCalendarDate()
  birthday?: string;

  @ApiPropertyOptional({ enum: GENDERS })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: (typeof GENDERS)[number];

  @ApiPropertyOptional({ example: ['vip'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];

  @ApiPropertyOptional({
    enum: PREFERRED_LANGUAGES,
    description: 'The language campaign messages to them are written in; absent: not known (Chinese)',
  })
  @IsOptional()
  @IsIn(PREFERRED_LANGUAGES)
  preferredLanguage?: PreferredLanguage;

  @ApiPropertyOptional({ description: 'User id of the owning sales rep' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  ownerSalesRepId?: string;

  @ApiPropertyOptional({
    type: [ConsentInputDto],
    description:
      'Consent per channel, recorded with time and source: phone, sms and email for contact, web for website tracking',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ALL_CONSENT_CHANNELS.length)
  @ValidateNested({ each: true })
  @Type(() => ConsentInputDto)
  consents?: ConsentInputDto[];
}
