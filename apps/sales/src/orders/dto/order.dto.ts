import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID, ValidateIf } from 'class-validator';
import { PageQuery } from '@crm/http';
import { MoneyView } from '../../opportunities/dto/money.dto';
import { QuoteLineView } from '../../quotes/dto/quote.dto';

/** Exactly one source: an accepted quote, or a won opportunity. */
export class PlaceOrderDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'An accepted quote; or give opportunityId' })
  @ValidateIf((dto: PlaceOrderDto) => dto.opportunityId === undefined || dto.quoteId !== undefined)
  @IsUUID()
  quoteId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A won opportunity, ordered from its line items; or give quoteId',
  })
  @ValidateIf((dto: PlaceOrderDto) => dto.quoteId === undefined || dto.opportunityId !== undefined)
  @IsUUID()
  opportunityId?: string;
}

export class ListOrdersQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  customerId?: string;
}

export class OrderView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'SO2026-000007' }) number: string;
  @ApiProperty({ format: 'uuid' }) opportunityId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) quoteId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) customerId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The selling dealer' })
  dealerId: string | null;
  @ApiProperty() ownerId: string;
  @ApiProperty({ type: [QuoteLineView] }) items: QuoteLineView[];
  @ApiProperty({ type: MoneyView }) total: MoneyView;
  @ApiProperty() placedBy: string;
  @ApiProperty({ format: 'date-time' }) placedAt: string;
}

export class OrderPageView {
  @ApiProperty({ type: [OrderView] }) items: OrderView[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
