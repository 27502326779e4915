import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { checkedIdempotencyKey } from '@crm/http';
import { MAX_BATCH_ROWS } from '../inbound-rows/inbound-rows';
import { DmsRecordBatchResponse, DmsRecordRowResult } from './dto/dms-record-import.response';
import {
  DmsInvoiceRowDto,
  DmsOrderRowDto,
  DmsPaymentRowDto,
  DmsRepairRowDto,
} from './dto/dms-record-rows.dto';
import { DMS_INVOICES, DMS_ORDERS, DMS_PAYMENTS, DMS_REPAIRS, DmsRecordKind } from './dms-record-kinds';
import { DmsRecordImportService } from './dms-record-import.service';

const BATCH = `Up to ${MAX_BATCH_ROWS} rows, each answered: created, updated, unchanged, rejected (with its fields) or retryable`;

/** Sent again under the same key with the same body, a batch answers its stored result and changes nothing. */
const IdempotencyKeyHeader = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'The same key with the same body answers the stored result and changes nothing',
  });

/** Records the dealers' and stations' DMS own (ADR 0042); each route a single row and a batch of them. */
@ApiTags('inbound')
@ApiBearerAuth()
@Controller('inbound')
export class DmsRecordImportController {
  constructor(private readonly imports: DmsRecordImportService) {}

  @Post('orders')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({ summary: "One order from a dealer's DMS, keyed by its DMS id" })
  @ApiOkResponse({ type: DmsRecordRowResult })
  order(
    @Body() row: DmsOrderRowDto,
    @Headers('authorization') auth: string,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.imports.importOne(DMS_ORDERS, p, auth, row);
  }

  @Post('orders\\:batch')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({ summary: `Orders from a dealer's DMS. ${BATCH}` })
  @IdempotencyKeyHeader()
  @ApiBody({ type: [DmsOrderRowDto] })
  @ApiOkResponse({ type: DmsRecordBatchResponse })
  orders(
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.batch(DMS_ORDERS, body, headers, p, res);
  }

  @Post('invoices')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({ summary: "One invoice from a dealer's DMS for an order it sent before" })
  @ApiOkResponse({ type: DmsRecordRowResult })
  invoice(
    @Body() row: DmsInvoiceRowDto,
    @Headers('authorization') auth: string,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.imports.importOne(DMS_INVOICES, p, auth, row);
  }

  @Post('invoices\\:batch')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({ summary: `Invoices from a dealer's DMS. ${BATCH}` })
  @IdempotencyKeyHeader()
  @ApiBody({ type: [DmsInvoiceRowDto] })
  @ApiOkResponse({ type: DmsRecordBatchResponse })
  invoices(
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.batch(DMS_INVOICES, body, headers, p, res);
  }

  @Post('payments')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({ summary: "One payment from a dealer's DMS for an order it sent before" })
  @ApiOkResponse({ type: DmsRecordRowResult })
  payment(
    @Body() row: DmsPaymentRowDto,
    @Headers('authorization') auth: string,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.imports.importOne(DMS_PAYMENTS, p, auth, row);
  }

  @Post('payments\\:batch')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({ summary: `Payments from a dealer's DMS. ${BATCH}` })
  @IdempotencyKeyHeader()
  @ApiBody({ type: [DmsPaymentRowDto] })
  @ApiOkResponse({ type: DmsRecordBatchResponse })
  payments(
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.batch(DMS_PAYMENTS, body, headers, p, res);
  }

  @Post('repairs')
  @HttpCode(200)
  @Roles(R.repairStation)
  @ApiOperation({ summary: "One paid repair from a repair station's DMS, keyed by its DMS id" })
  @ApiOkResponse({ type: DmsRecordRowResult })
  repair(
    @Body() row: DmsRepairRowDto,
    @Headers('authorization') auth: string,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.imports.importOne(DMS_REPAIRS, p, auth, row);
  }

  @Post('repairs\\:batch')
  @HttpCode(200)
  @Roles(R.repairStation)
  @ApiOperation({ summary: `Paid repairs from a repair station's DMS. ${BATCH}` })
  @IdempotencyKeyHeader()
  @ApiBody({ type: [DmsRepairRowDto] })
  @ApiOkResponse({ type: DmsRecordBatchResponse })
  repairs(
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.batch(DMS_REPAIRS, body, headers, p, res);
  }

  private async batch(
    kind: DmsRecordKind,
    body: unknown,
    headers: Record<string, string | undefined>,
    principal: Principal,
    response: Response,
  ): Promise<DmsRecordBatchResponse> {
    const { response: answer, replayed } = await this.imports.importBatch(
      kind,
      principal,
      headers.authorization as string,
      body,
      checkedIdempotencyKey(headers['idempotency-key']),
    );
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return answer;
  }
}
