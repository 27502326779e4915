import { Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { csvFile, UuidPipe } from '@crm/http';
import { REPORT_ROLES } from '../analytics.constants';
import { CustomerValueFilter, CustomerValueListQuery } from './dto/customer-value.query';
import {
  CustomerValueCard,
  CustomerValuePage,
  CustomerValueSummary,
  RecomputeResponse,
} from './dto/customer-value.response';
import { CustomerValueRecompute, RecomputeResult } from './customer-value-recompute';
import { CustomerValueService } from './customer-value.service';

/** Dealers and stations get 403 here: a dealer reads its own customers' figures under its path (ADR 0036). */
@ApiTags('customer value')
@ApiBearerAuth()
@Controller('analytics')
@Roles(...REPORT_ROLES)
export class CustomerValueController {
  constructor(
    private readonly reports: CustomerValueService,
    private readonly recompute: CustomerValueRecompute,
  ) {}

  @Get('customer-value/summary')
  @ApiOperation({
    summary: 'Value distribution, tier and RFM segment counts and the Pareto view (top 20% of customers)',
  })
  @ApiOkResponse({ type: CustomerValueSummary })
  summary(): Promise<CustomerValueSummary> {
    return this.reports.summary();
  }

  @Get('customer-value/customers')
  @ApiOperation({
    summary: 'Customers by value, highest first, optionally of one tier or RFM segment, paged',
  })
  @ApiOkResponse({ type: CustomerValuePage })
  list(@Query() query: CustomerValueListQuery): Promise<CustomerValuePage> {
    return this.reports.page(query);
  }

  @Get('customer-value/customers/export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The same customers as CSV, streamed' })
  @ApiOkResponse({
    description: 'One row per customer',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  export(@Query() query: CustomerValueFilter): StreamableFile {
    return csvFile(this.reports.csv(query), 'customer-value.csv');
  }

  @Get('customers/:customerId/value')
  @ApiOperation({
    summary:
      "A customer's value card: value, RFM, segment, potential value, churn risk, CLV and tier (404 without a purchase)",
  })
  @ApiOkResponse({ type: CustomerValueCard })
  card(@Param('customerId', UuidPipe) customerId: string): Promise<CustomerValueCard> {
    return this.reports.card(customerId);
  }

  @Post('customer-value/recompute')
  @HttpCode(200)
  @Roles(R.analyst)
  @ApiOperation({
    summary:
      'Recomputes every value and tier now (after a recompute in progress); publishes the tier changes',
  })
  @ApiOkResponse({ type: RecomputeResponse })
  recomputeNow(): Promise<RecomputeResult> {
    return this.recompute.recomputeNow();
  }
}
