import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsDateTime } from '@crm/http';
import { IsVin } from '../../vehicle-sales/dto/is-vin.validator';

export class MoneyDto {
  @ApiProperty({ example: 268000 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e12)
  amount: number;

  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code (3 upper-case letters)' })
  currency: string;
}

/** The row's id in its source system: sent again unchanged, it changes nothing. */
class DmsRecordRowDto {
  @ApiProperty({ description: "The record's id in the DMS (the row's key)", example: 'O-2026-0042' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalId: string;
}

/** Rows about a customer name them by the DMS's id (mapped by an earlier vehicle sale) or by the CRM's. */
class DmsCustomerRowDto extends DmsRecordRowDto {
  @ApiPropertyOptional({ description: "The customer's id in this DMS, mapped before (a vehicle sale)" })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  customerExternalId?: string;

  @ApiPropertyOptional({ description: "The customer's CRM id, instead of (or mapped to) customerExternalId" })
  @IsOptional()
  @IsUUID()
  customerId?: string;
}

export class DmsOrderItemDto {
  @ApiProperty({ example: 'A6 Sedan' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  model: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity: number;

  @ApiProperty({ example: 268000 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  lineTotal: number;
}

/** One order as a dealer's DMS reports it. */
export class DmsOrderRowDto extends DmsCustomerRowDto {
  @ApiPropertyOptional({ description: "The dealer's id: a dealer's own (may be left out), named by admins" })
  @IsOptional()
  @IsUUID()
  dealerId?: string;

  @ApiProperty({ type: [DmsOrderItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DmsOrderItemDto)
  items: DmsOrderItemDto[];

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  total: MoneyDto;

  @ApiProperty({ example: '2026-06-18T10:00:00+08:00' })
  @IsDateTime()
  placedAt: string;
}

/** A document (invoice, payment) about an order this DMS sent before, and its amount. */
abstract class DmsOrderDocumentRowDto extends DmsRecordRowDto {
  @ApiPropertyOptional({ description: "The dealer's id: a dealer's own (may be left out), named by admins" })
  @IsOptional()
  @IsUUID()
  dealerId?: string;

  @ApiProperty({ description: "The order's id in this DMS", example: 'O-2026-0042' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  orderExternalId: string;

  @ApiProperty({ type: MoneyDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  amount: MoneyDto;
}

/** An invoice of an order this DMS sent before. */
export class DmsInvoiceRowDto extends DmsOrderDocumentRowDto {
  @ApiProperty({ example: '2026-06-18' })
  @IsCalendarDate()
  issuedOn: string;
}

/** A payment for an order this DMS sent before. */
export class DmsPaymentRowDto extends DmsOrderDocumentRowDto {
  @ApiPropertyOptional({ example: 'bank-transfer' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  method?: string;

  @ApiProperty({ example: '2026-06-20T09:00:00+08:00' })
  @IsDateTime()
  paidAt: string;
}

/** One paid repair as a repair station's DMS reports it. */
export class DmsRepairRowDto extends DmsCustomerRowDto {
  @ApiPropertyOptional({
    description: "The station's id: a station's own (may be left out), named by admins",
  })
  @IsOptional()
  @IsUUID()
  stationId?: string;

  @ApiPropertyOptional({ example: 'LSVAU2180N2123456' })
  @IsOptional()
  @IsVin()
  vin?: string;

  @ApiProperty({ example: 'Replaced the front brake pads' })
  @IsString()
  @MinLength(1)
  @MaxLength(2_000)
  workDone: string;

  @ApiProperty({ type: MoneyDto, description: 'What the customer paid (0: warranty or goodwill)' })
  @IsDefined()
  @ValidateNested()
  @Type(() => MoneyDto)
  cost: MoneyDto;

  @ApiProperty({ example: '2026-06-18T15:00:00+08:00' })
  @IsDateTime()
  repairedAt: string;
}
