import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ALL_PARTNER_KINDS, ALL_QUALITY_TYPES, PartnerKind, QualityType } from '@crm/contracts';
import { QueryNumber } from '@crm/http';

export class NearbyPartnersQuery {
  @ApiProperty({ example: 31.23 })
  @QueryNumber()
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ example: 121.47 })
  @QueryNumber()
  @IsNumber()
  @Min(-180)
  @Max(180)
  lon: number;

  @ApiPropertyOptional({ enum: ALL_PARTNER_KINDS })
  @IsOptional()
  @IsIn(ALL_PARTNER_KINDS)
  kind?: PartnerKind;

  @ApiPropertyOptional({ enum: ALL_QUALITY_TYPES })
  @IsOptional()
  @IsIn(ALL_QUALITY_TYPES)
  skill?: QualityType;

  @ApiPropertyOptional({ example: 'Aurora' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  brand?: string;

  @ApiPropertyOptional({ default: 10, maximum: 50 })
  @IsOptional()
  @QueryNumber()
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 10;
}
