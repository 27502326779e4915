import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '@crm/http';
import { IsVin } from './is-vin.validator';

export class VehicleSaleBuyerDto {
  @ApiProperty({ example: '王芳' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string;

  @ApiPropertyOptional({ example: 'wang.fang@example.cn' })
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  email?: string;

  @ApiProperty({ description: "The buyer's id in the DMS", example: 'C-000123' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalCustomerId: string;
}

/** One vehicle sale as a dealer's DMS reports it. */
export class VehicleSaleRowDto {
  @ApiProperty({
    description: "The sale's id in the DMS (the row's key: sent again, it changes nothing)",
    example: 'S-2026-0042',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalId: string;

  @ApiProperty({ example: 'LSVAU2180N2123456' })
  @IsVin()
  vin: string;

  @ApiPropertyOptional({ description: 'Defaults to INTEGRATION_DEFAULT_BRAND', example: 'Aurora' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  brand?: string;

  @ApiProperty({ example: 'A6 Sedan' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  model: string;

  @ApiProperty({ type: VehicleSaleBuyerDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => VehicleSaleBuyerDto)
  buyer: VehicleSaleBuyerDto;

  @ApiPropertyOptional({
    description: "The selling dealer's code (a dealer may name only its own)",
    example: 'DL-SH-001',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,39}$/, {
    message: 'dealerCode must be 2-40 upper-case letters, digits or dashes',
  })
  dealerCode?: string;

  @ApiPropertyOptional({ description: "The selling dealer's id, instead of its code" })
  @IsOptional()
  @IsUUID()
  dealerId?: string;

  @ApiProperty({ example: '2026-06-18' })
  @IsCalendarDate()
  soldOn: string;
}
