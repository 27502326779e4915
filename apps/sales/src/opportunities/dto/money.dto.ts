import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Matches, Max, Min } from 'class-validator';
import { DEFAULT_CURRENCY, Money } from '@crm/contracts';

export class MoneyDto {
  @ApiProperty({ example: 189900, minimum: 0 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(999_999_999_999)
  amount: number;

  @ApiPropertyOptional({ example: 'CNY', default: DEFAULT_CURRENCY, description: 'ISO 4217 code' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as CNY' })
  currency?: string;
}

export class MoneyView {
  @ApiProperty({ example: 189900 })
  amount: number;

  @ApiProperty({ example: 'CNY' })
  currency: string;
}

export function toMoney(dto: MoneyDto): Money;
export function toMoney(dto: MoneyDto | undefined): Money | undefined;
export function toMoney(dto: MoneyDto | undefined): Money | undefined {
  return dto && { amount: dto.amount, currency: dto.currency ?? DEFAULT_CURRENCY };
}
