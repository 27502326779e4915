import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { PartnerScoped, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { csvFile, UuidPipe } from '@crm/http';
import { REPORT_ROLES } from '../analytics.constants';
import { DEALER_SALES_SCOPE } from '../sales-performance/dealer-sales-scope.registration';
import { CustomerValueFilter, CustomerValueListQuery } from './dto/customer-value.query';
import { CustomerValuePage, CustomerValueSummary } from './dto/customer-value.response';
import { CustomerValueService } from './customer-value.service';

/**
 * One dealer's customers' value figures: those it sold to (an order through it). A dealer reaches its own
 * only (404 for another's); analysts and managers any dealer's. Tiers stay the platform-wide ones.
 */
@ApiTags('customer value')
@ApiBearerAuth()
@Controller('analytics/dealers/:dealerId')
@Roles(...REPORT_ROLES, R.dealer)
@PartnerScoped(DEALER_SALES_SCOPE, 'dealerId')
export class DealerCustomerValueController {
  constructor(private readonly reports: CustomerValueService) {}

  @Get('customer-value/summary')
  @ApiOperation({ summary: "The value summary of the dealer's customers (those it sold to)" })
  @ApiOkResponse({ type: CustomerValueSummary })
  summary(@Param('dealerId', UuidPipe) dealerId: string): Promise<CustomerValueSummary> {
    return this.reports.summary(dealerId);
  }

  @Get('customer-value/customers')
  @ApiOperation({ summary: "The dealer's customers by value, highest first, paged" })
  @ApiOkResponse({ type: CustomerValuePage })
  list(
    @Param('dealerId', UuidPipe) dealerId: string,
    @Query() query: CustomerValueListQuery,
  ): Promise<CustomerValuePage> {
    return this.reports.page(query, dealerId);
  }

  @Get('customer-value/customers/export')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: "The dealer's customers' values as CSV, streamed" })
  @ApiOkResponse({
    description: 'One row per customer',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  export(@Param('dealerId', UuidPipe) dealerId: string, @Query() query: CustomerValueFilter): StreamableFile {
    return csvFile(this.reports.csv(query, dealerId), 'customer-value.csv');
  }
}
