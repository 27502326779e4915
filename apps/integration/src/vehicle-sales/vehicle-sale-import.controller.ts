import { Body, Controller, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { checkedIdempotencyKey, requireCsvUpload } from '@crm/http';
import { VehicleSaleRowDto } from './dto/vehicle-sale-row.dto';
import { VehicleSaleBatchResponse, VehicleSaleRowResult } from './dto/vehicle-sale-import.response';
import { VehicleSaleImportService } from './vehicle-sale-import.service';
import { MAX_BATCH_ROWS } from './vehicle-sale-rows';
import { csvSaleRows, MAX_CSV_BYTES, VEHICLE_SALE_CSV_DESCRIPTION } from './vehicle-sale-csv';

@ApiTags('inbound')
@ApiBearerAuth()
@Controller('inbound')
export class VehicleSaleImportController {
  constructor(private readonly imports: VehicleSaleImportService) {}

  @Post('vehicle-sales')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({
    summary:
      "One vehicle sale from a dealer's DMS: creates or links its buyer and vehicle in the customer master",
  })
  @ApiOkResponse({ type: VehicleSaleRowResult })
  importOne(
    @Body() body: VehicleSaleRowDto,
    @Headers('authorization') authorization: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<VehicleSaleRowResult> {
    return this.imports.importOne(principal, authorization, body);
  }

  @Post('vehicle-sales\\:batch')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({
    summary: `Up to ${MAX_BATCH_ROWS} vehicle sales from a dealer's DMS, each answered: imported, rejected (with its fields) or retryable`,
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'The same key with the same body answers the stored result and changes nothing',
  })
  @ApiConsumes('application/json', 'text/csv')
  @ApiBody({ type: [VehicleSaleRowDto], description: VEHICLE_SALE_CSV_DESCRIPTION })
  @ApiOkResponse({ type: VehicleSaleBatchResponse })
  async importBatch(
    @Body() body: unknown,
    @Headers('authorization') authorization: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<VehicleSaleBatchResponse> {
    checkedIdempotencyKey(idempotencyKey);
    const rows = isCsv(request) ? await this.csvRows(request) : body;
    const { response: answer, replayed } = await this.imports.importBatch(
      principal,
      authorization,
      rows,
      idempotencyKey,
    );
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return answer;
  }

  private csvRows(request: Request): Promise<unknown[]> {
    requireCsvUpload(request.headers, MAX_CSV_BYTES);
    return csvSaleRows(request);
  }
}

function isCsv(request: Request): boolean {
  return request.headers['content-type']?.split(';')[0].trim().toLowerCase() === 'text/csv';
}
