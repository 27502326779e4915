import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiAcceptedResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { requireCsvUpload, UuidPipe } from '@crm/http';
import { CustomerImportService, importLocation } from './customer-import.service';
import { ImportOptionsQuery } from './dto/import-options.dto';
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, MAX_UPLOAD_BYTES } from './import-columns';
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
    summary: 'Import legacy customers with their vehicles from a CSV file; answers 202 with the job at once',
    description:
      'Once the file is received and its header checked, the answer is 202 with Location: /imports/{id}; rows ' +
      'are then written in the background in batches of 1,000 through the batch registration (as ' +
      'POST /customers:batch-register), and GET /imports/{id} shows progress until the job ' +
      'is completed or failed (a job whose worker crashed is marked failed; run the file again). ' +
      'The same file sent while it is still importing gets 409 with the running job in Location. ' +
      'A row that is probably an existing customer (same phone, email, or close name and birthday, including ' +
      'earlier rows of the file) is counted as a duplicate and not created again; its vehicle, if new, is ' +
      'attached to that customer. Every rejected row is listed with its line number and reason, so ' +
      'created + duplicates + rejected = totalRows, and running the same file again creates nothing new.',
  })
  @ApiConsumes('text/csv')
  @ApiBody({ description: IMPORT_FILE_DESCRIPTION, schema: { type: 'string', format: 'binary' } })
  @ApiAcceptedResponse({
    description: 'The job just started (status running); Location names it',
    type: ImportJobResponse,
  })
  @ApiConflictResponse({ description: 'The same file is being imported; Location and jobId name that job' })
  @ApiBadRequestResponse({
    description: 'Missing header columns or an empty file (a CSV malformed further on fails the job instead)',
  })
  @ApiUnsupportedMediaTypeResponse({ description: 'The body is not text/csv' })
  @ApiPayloadTooLargeResponse({ description: 'The file has too many bytes or rows' })
  @HttpCode(HttpStatus.ACCEPTED)
  async import(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
    @Query() options: ImportOptionsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ImportJob> {
    requireCsvUpload(request.headers, MAX_UPLOAD_BYTES);
    const fileName = options.fileName ?? 'upload.csv';
    const job = await this.service.submit({ body: request, fileName, createdBy: principal.subject });
    response.location(importLocation(job.id));
    return job;
  }

  @Get(':id')
  @Roles(R.admin, R.salesManager)
  @ApiOkResponse({ type: ImportJobResponse })
  @ApiOperation({ summary: 'An import job: status and counts, updated after every batch while it runs' })
  get(@Param('id', UuidPipe) id: string): Promise<ImportJob> {
    return this.service.get(id);
  }
}
