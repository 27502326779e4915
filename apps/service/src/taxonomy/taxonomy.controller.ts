import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { STAFF_ROLES } from '@crm/contracts';
import { SuggestQualityTypeDto } from './dto/suggest-quality-type.dto';
import { QUALITY_TYPE_CATALOG, SLA_TARGETS } from './quality-type-catalog';
import { QualityTypeSuggester } from './quality-type-suggester';
import { QualityTypeSuggestionsResponse, TaxonomyResponse } from './dto/taxonomy.response';

@ApiTags('quality types')
@ApiBearerAuth()
@Controller('quality-types')
export class TaxonomyController {
  constructor(private readonly suggester: QualityTypeSuggester) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Quality types with their default severity, and the SLA targets per severity' })
  @ApiOkResponse({ type: TaxonomyResponse })
  list() {
    return { items: QUALITY_TYPE_CATALOG, slaTargets: SLA_TARGETS };
  }

  @Post('suggest')
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Quality types suggested from a description (Chinese and English keywords), best first',
  })
  @ApiOkResponse({ type: QualityTypeSuggestionsResponse })
  suggest(@Body() body: SuggestQualityTypeDto) {
    return { items: this.suggester.suggest(body.description) };
  }
}
