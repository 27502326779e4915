import { Controller, Get, Header, Headers, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { PRIVACY_ROLES } from '@crm/contracts';
import { NotFoundError } from '@crm/core';
import { UuidPipe } from '@crm/http';
import { toCsv } from './csv-table';
import { CustomerExportService } from './customer-export.service';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('customers')
export class CustomerExportController {
  constructor(private readonly exports: CustomerExportService) {}

  @Get(':id/export')
  @ApiOkResponse({
    description: 'Every part, table by table',
    schema: {
      type: 'object',
      properties: {
        customerId: { type: 'string' },
        exportedAt: { type: 'string', format: 'date-time' },
        parts: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              source: { type: 'string' },
              tables: { type: 'object', additionalProperties: { type: 'array', items: { type: 'object' } } },
            },
          },
        },
      },
    },
  })
  @Roles(...PRIVACY_ROLES)
  @ApiOperation({
    summary: 'Everything every service holds about one person (GDPR Art. 15/20, PIPL Art. 45), audited',
    description:
      'The customer master’s rows plus each service’s part, table by table. A service that does not answer ' +
      'within 5 s fails the whole export with 503 naming it: an export is complete or it is not given.',
  })
  export(@Param('id', UuidPipe) id: string, @Headers('authorization') authorization: string) {
    return this.exports.export(id, authorization);
  }

  @Get(':id/export/csv')
  @ApiOkResponse({ description: 'One table as CSV', content: { 'text/csv': { schema: { type: 'string' } } } })
  @Roles(...PRIVACY_ROLES)
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiQuery({
    name: 'table',
    example: 'service.ticket',
    description: 'The part and table, as named in the JSON export',
  })
  @ApiOperation({
    summary: 'One table of the person’s export as CSV (gathered and audited like the JSON export)',
  })
  async csv(
    @Param('id', UuidPipe) id: string,
    @Query('table') table: string,
    @Headers('authorization') authorization: string,
  ): Promise<string> {
    const [source, name] = String(table ?? '').split(/\.(?=[^.]+$)/);
    const exported = await this.exports.export(id, authorization);
    const rows = exported.parts.find((part) => part.source === source)?.tables[name ?? ''];
    if (!rows) throw new NotFoundError('export table', String(table));
    return toCsv(rows);
  }
}
