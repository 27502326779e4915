import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsNumber,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class PartDto {
  @ApiProperty({ example: 'BRK-PAD-2231' })
  @IsString()
  @MinLength(1)
  @MaxLength(60)
  partNumber: string;

  @ApiProperty({ example: 'Front brake pads' })
  @IsString()
  @MaxLength(200)
  description: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity: number;
}

export class MoneyDto {
  @ApiProperty({ example: 860.5 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(10_000_000)
  amount: number;

  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency: string;
}

export class ResolveTicketDto {
  @ApiProperty({ example: 'Replaced front brake pads and discs' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  workDone: string;

  @ApiProperty({ type: [PartDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PartDto)
  parts: PartDto[];

  @ApiProperty({ type: MoneyDto })
  @ValidateNested()
  @Type(() => MoneyDto)
  cost: MoneyDto;

  @ApiProperty({ example: '王师傅' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  technician: string;
}
