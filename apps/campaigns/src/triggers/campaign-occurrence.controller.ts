import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { PageQuery, UuidPipe } from '@crm/http';
import { CAMPAIGN_ROLES } from '../campaigns.constants';
import { CampaignOccurrenceService } from './campaign-occurrence.service';
import { HolidayListView, HolidayYearQuery, OccurrenceListView } from './dto/occurrence.dto';
import { holidaysOf } from './holiday-calendar';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
@Roles(...CAMPAIGN_ROLES)
export class CampaignOccurrenceController {
  constructor(private readonly occurrences: CampaignOccurrenceService) {}

  @Get('holidays')
  @ApiOperation({
    summary: 'The holidays a campaign can be triggered by, with their dates in a year (lunar ones computed)',
  })
  @ApiOkResponse({ type: HolidayListView })
  holidays(@Query() query: HolidayYearQuery): HolidayListView {
    return { year: query.year, items: holidaysOf(query.year) };
  }

  @Get(':id/occurrences')
  @ApiOperation({ summary: 'The runs of a recurring or triggered campaign, latest first, with their counts' })
  @ApiOkResponse({ type: OccurrenceListView })
  async list(@Param('id', UuidPipe) id: string, @Query() query: PageQuery): Promise<OccurrenceListView> {
    const items = await this.occurrences.list(id, query.limit, query.offset);
    return { items, limit: query.limit, offset: query.offset };
  }
}
