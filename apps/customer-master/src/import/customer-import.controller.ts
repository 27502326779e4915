import { Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Request } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES, requireCsvUpload } from './csv-upload';
import { CustomerImportService } from './customer-import.service';
import { ImportOptionsQuery } from './dto/import-options.dto';
import { IMPORT_COLUMNS } from './import-columns';
import { ImportJob } from './import-job';
import { ImportJobResponse } from './dto/import-job.response';

const IMPORT_FILE_DESCRIPTION =
  `UTF-8 CSV with a header row naming these columns (any order, extra columns ignored): ${IMPORT_COLUMNS.join(', ')}. ` +
  'name is required; phone in any common format; dates as YYYY-MM-DD; gender female, male, other or unknown; ' +
  'kind person (default) or company; a VIN needs brand and model; selling_dealer_code must name a dealer. ' +
  `At most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB and ${MAX_IMPORT_ROWS} rows.`;

@ApiTags('imports')
@ApiBearerAuth()
@Controller('imports')
export class CustomerImportController {
  constructor(private readonly service: CustomerImportService) {}

  @Post('customers')
  @Roles(R.admin, R.salesManager)
  @ApiOperation({
    summary: 'Import legacy customers with their vehicles from a CSV file; answers with the report when done',
    description:
      'The body is streamed and written in batches of 200 rows; GET /imports/{id} shows progress meanwhile. ' +
      'A row that is probably an existing customer (same phone, email, or close name and birthday, including ' +
      'earlier rows of the file) is counted as a duplicate and not created again; its vehicle, if new, is ' +
      'attached to that customer. Every rejected row is listed with its line number and reason, so ' +
      'created + duplicates + rejected = totalRows, and running the same file again creates nothing new.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ description: IMPORT_FILE_DESCRIPTION, schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({
    description: 'The finished job: counts and every rejected row',
    type: ImportJobResponse,
  })
  @ApiBadRequestResponse({
    description: 'Missing header columns, or a malformed CSV (the job id is given when rows were written)',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not text/csv' })
  @ApiPayloadTooLargeResponse({ description: 'The file has too many bytes or rows' })
  import(
    @Req() request: Request,
    @Query() options: ImportOptionsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImportJob> {
    requireCsvUpload(request.headers);
    const fileName = options.fileName ?? 'upload.csv';
    return this.service.import({ body: request, fileName, createdBy: principal.subject });
  }

  @Get(':id')
  @Roles(R.admin, R.salesManager)
  @ApiOkResponse({ type: ImportJobResponse })
  @ApiOperation({ summary: 'An import job: status and counts, updated after every batch while it runs' })
  get(@Param('id', UuidPipe) id: string): Promise<ImportJob> {
    return this.service.get(id);
  }
}
