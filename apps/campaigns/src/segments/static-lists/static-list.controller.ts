import { Controller, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Request } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { describeBytes, requireCsvUpload } from '@crm/http';
import { SEGMENT_ROLES } from '../../campaigns.constants';
import { StaticListImportView, StaticListQuery } from './dto/static-list.dto';
import {
  MAX_STATIC_LIST_BYTES,
  MAX_STATIC_LIST_ROWS,
  StaticListImportService,
} from './static-list-import.service';
import { STATIC_LIST_COLUMNS } from './static-list-row';

const STATIC_LIST_FILE_DESCRIPTION =
  `UTF-8 CSV with a header row naming at least one of ${STATIC_LIST_COLUMNS.join(', ')}. Each row names one ` +
  'customer: by customer_id when given, else by phone (any common format, China by default), else by email. ' +
  `At most ${describeBytes(MAX_STATIC_LIST_BYTES)} and ${MAX_STATIC_LIST_ROWS} rows.`;

@ApiTags('segments')
@ApiBearerAuth()
@Controller('segments')
@Roles(...SEGMENT_ROLES)
export class StaticListController {
  constructor(private readonly imports: StaticListImportService) {}

  @Post('static')
  @ApiOperation({
    summary: 'Define a static segment from a CSV file of customer ids, phones or emails',
    description:
      'Every row is matched against the customer replica; the segment holds the customers matched, and the ' +
      'answer lists every other row with its line and reason: bad-format, unknown-customer, ambiguous (a phone ' +
      'or email several customers share) or duplicate (a customer an earlier row named). Count, preview and ' +
      'sending work on it as on a rule segment; an erased customer leaves it.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ description: STATIC_LIST_FILE_DESCRIPTION, schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: StaticListImportView })
  @ApiBadRequestResponse({ description: 'No usable header, an empty file or malformed CSV' })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not text/csv' })
  @ApiPayloadTooLargeResponse({ description: 'The file has too many bytes or rows' })
  import(
    @Req() request: Request,
    @Query() query: StaticListQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StaticListImportView> {
    requireCsvUpload(request.headers, MAX_STATIC_LIST_BYTES);
    return this.imports.import({ name: query.name, body: request, createdBy: principal.subject });
  }
}
