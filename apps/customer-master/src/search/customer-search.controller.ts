import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { STAFF_ROLES } from '@crm/contracts';
import { Page, SearchQuery } from '@crm/http';
import { CustomerSearchHit } from './customer-search-hit';
import { CustomerSearchService } from './customer-search.service';
import { CustomerSearchPageDto } from './dto/customer-search-result.dto';

// Registered before CustomerController, whose GET customers/:id would otherwise take 'search' for an id.
@ApiTags('customers')
@ApiBearerAuth()
@Controller('customers/search')
export class CustomerSearchController {
  constructor(private readonly service: CustomerSearchService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Call-center search: phone (whole or part), VIN (whole or part) or name (Chinese, pinyin, latin)',
    description: 'Exact matches rank first, then prefix, then partial, then similar-sounding latin names.',
  })
  @ApiOkResponse({ type: CustomerSearchPageDto })
  @ApiForbiddenResponse({ description: 'Partners cannot search all customers' })
  async search(@Query() query: SearchQuery): Promise<Page<CustomerSearchHit>> {
    const items = await this.service.search(query.q, query);
    return { items, limit: query.limit, offset: query.offset };
  }
}
