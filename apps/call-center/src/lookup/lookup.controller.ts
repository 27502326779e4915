import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Page, SearchQuery } from '@crm/http';
import { CALL_CENTER_ROLES } from '../call-center.constants';
import { LookupHit } from './lookup-hit';
import { LookupService } from './lookup.service';
import { LookupPageDto } from './dto/lookup-page.dto';

@ApiTags('lookup')
@ApiBearerAuth()
@Controller('lookup')
export class LookupController {
  constructor(private readonly service: LookupService) {}

  @Get()
  @Roles(...CALL_CENTER_ROLES)
  @ApiOperation({
    summary: 'Find the caller by name (Chinese or pinyin), phone (whole or part) or VIN (whole or part)',
    description: 'Answered from the call center’s own copy, so it works while customer-master is down.',
  })
  @ApiOkResponse({ type: LookupPageDto })
  @ApiForbiddenResponse({ description: 'Only call-center staff look customers up' })
  async find(@Query() query: SearchQuery): Promise<Page<LookupHit>> {
    const items = await this.service.find(query.q, query);
    return { items, limit: query.limit, offset: query.offset };
  }
}
