import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate } from '@crm/http';

export class RegisterVehicleDto {
  @ApiProperty({
    description: '17-character VIN (check digit verified where the region requires it)',
    example: 'LSVAU2180N2123456',
  })
  @IsString()
  @MaxLength(17)
  vin: string;

  @ApiProperty({ example: 'Aurora' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  brand: string;

  @ApiProperty({ example: 'A6 Sedan' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  model: string;

  @ApiPropertyOptional({ example: 2023 })
  @IsOptional()
  @IsInt()
  @Min(1950)
  @Max(2100)
  modelYear?: number;

  @ApiPropertyOptional({ example: '2023-06-18' })
  @IsOptional()
  @IsCalendarDate()
  purchaseDate?: string;

  @ApiPropertyOptional({ description: 'The dealer that sold it (a dealer caller is always the seller)' })
  @IsOptional()
  @IsUUID()
  sellingDealerId?: string;

  @ApiPropertyOptional({ example: '2026-06-17' })
  @IsOptional()
  @IsCalendarDate()
  warrantyEnd?: string;
}

export class TransferVehicleDto {
  @ApiProperty({ description: 'The customer who now owns the vehicle' })
  @IsUUID()
  newOwnerCustomerId: string;
}
