import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { MoneyDto, MoneyView } from './money.dto';

export class AddOpportunityLineDto {
  @ApiProperty({ format: 'uuid', description: 'A trim of the catalog' })
  @IsUUID()
  trimId: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 10_000 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  quantity: number;

  @ApiPropertyOptional({
    type: MoneyDto,
    description: "Defaults to the price list's price for the opportunity's region on its expected close date",
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyDto)
  unitPrice?: MoneyDto;

  @ApiPropertyOptional({
    example: 5000,
    minimum: 0,
    description: "Off the whole line, in the line's currency",
  })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(999_999_999_999)
  discount?: number;
}

export class OpportunityLineView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) opportunityId: string;
  @ApiProperty({ format: 'uuid' }) trimId: string;
  @ApiProperty({ example: '长续航版 Long Range' }) trimName: string;
  @ApiProperty({ format: 'uuid' }) modelId: string;
  @ApiProperty({ example: 'Aurora S7 极光' }) modelName: string;
  @ApiProperty({ example: 1 }) quantity: number;
  @ApiProperty({ type: MoneyView }) unitPrice: MoneyView;
  @ApiProperty({ example: 5000 }) discount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OpportunityLinesView {
  @ApiProperty({ format: 'uuid' }) opportunityId: string;
  @ApiProperty({ type: [OpportunityLineView] }) lines: OpportunityLineView[];
  @ApiProperty({
    type: MoneyView,
    nullable: true,
    description: 'The opportunity amount: the sum of the line totals while there are lines',
  })
  amount: MoneyView | null;
}
