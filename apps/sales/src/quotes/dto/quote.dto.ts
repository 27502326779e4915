import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IsCalendarDate, PageQuery } from '@crm/http';
import { MoneyView } from '../../opportunities/dto/money.dto';
import { QUOTE_STATUSES, QuoteStatus } from '../quote';

export class IssueQuoteDto {
  @ApiProperty({ format: 'uuid', description: 'The opportunity whose line items are quoted' })
  @IsUUID()
  opportunityId: string;

  @ApiProperty({
    example: '2026-12-31',
    format: 'date',
    description: 'Last day the quote holds; not in the past',
  })
  @IsCalendarDate()
  validUntil: string;

  @ApiPropertyOptional({ example: '含购置税，不含上牌费用。交车时间：下单后四周内。' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  terms?: string;

  @ApiPropertyOptional({
    example: '张伟',
    description: "Defaults to the opportunity's customer as sales knows them",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  customerName?: string;
}

export class ListQuotesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  opportunityId?: string;
}

export class QuoteLineView {
  @ApiProperty({ format: 'uuid' }) trimId: string;
  @ApiProperty({ example: '长续航版 Long Range' }) trimName: string;
  @ApiProperty({ format: 'uuid' }) modelId: string;
  @ApiProperty({ example: 'Aurora S7 极光' }) modelName: string;
  @ApiProperty({ example: 1 }) quantity: number;
  @ApiProperty({ example: 259900 }) unitPrice: number;
  @ApiProperty({ example: 5000 }) discount: number;
  @ApiProperty({ example: 254900 }) lineTotal: number;
}

export class QuoteView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Q2026-000042' }) number: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ format: 'uuid' }) opportunityId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) customerId: string | null;
  @ApiProperty({ nullable: true, type: String }) customerName: string | null;
  @ApiProperty({ enum: QUOTE_STATUSES, description: 'expired: draft or sent past its valid-until day' })
  status: QuoteStatus;
  @ApiProperty({ format: 'date' }) validUntil: string;
  @ApiProperty({ nullable: true, type: String }) terms: string | null;
  @ApiProperty({ type: [QuoteLineView] }) lines: QuoteLineView[];
  @ApiProperty({ type: MoneyView }) total: MoneyView;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class QuotePageView {
  @ApiProperty({ type: [QuoteView] }) items: QuoteView[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
