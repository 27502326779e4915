import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ALL_QUALITY_TYPES, QualityType } from '@crm/contracts';
import { AddressDto } from '../../customers/dto/address.dto';

export class OpeningHoursDto {
  @ApiPropertyOptional({ description: '0 = Sunday … 6 = Saturday', example: 1 })
  @IsInt()
  @Min(0)
  @Max(6)
  day: number;

  @ApiPropertyOptional({ example: '08:30' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'opens must be HH:MM' })
  opens: string;

  @ApiPropertyOptional({ example: '18:00' })
  @Matches(/^([01]\d|2[0-4]):[0-5]\d$/, { message: 'closes must be HH:MM' })
  closes: string;
}

export class PartnerFieldsDto {
  @ApiPropertyOptional({ example: '+862150001234' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;

  @ApiPropertyOptional({ example: ['Aurora', 'Zephyr'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  brands?: string[];

  @ApiPropertyOptional({ enum: ALL_QUALITY_TYPES, isArray: true, description: 'Quality types it can repair' })
  @IsOptional()
  @IsArray()
  @IsIn(ALL_QUALITY_TYPES, { each: true })
  skills?: QualityType[];

  @ApiPropertyOptional({ description: 'Open tickets it can take at once', example: 20 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  capacity?: number;

  @ApiPropertyOptional({ type: [OpeningHoursDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(14)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursDto)
  openingHours?: OpeningHoursDto[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
