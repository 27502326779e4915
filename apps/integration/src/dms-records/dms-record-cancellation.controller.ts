import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { checkedIdempotencyKey } from '@crm/http';
import { MAX_BATCH_ROWS } from '../inbound-rows/inbound-rows';
import {
  DmsCancellationBatchResponse,
  DmsCancellationRowResult,
  DmsDealerCancellationRowDto,
  DmsStationCancellationRowDto,
} from './dto/dms-cancellation.dto';
import { DMS_INVOICES, DMS_ORDERS, DMS_PAYMENTS, DMS_REPAIRS, DmsRecordKind } from './dms-record-kinds';
import { DmsRecordCancellationService } from './dms-record-cancellation.service';

const ONE =
  'Cancelling it again answers unchanged and publishes nothing; an externalId this DMS never sent is a 404 naming ' +
  "it (another partner's record is as unknown as a missing one)";
const BATCH = `Up to ${MAX_BATCH_ROWS} rows, each answered: cancelled, unchanged (cancelled before) or rejected (an unknown externalId, a bad row)`;

const IdempotencyKeyHeader = () =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'The same key with the same body answers the stored result and changes nothing',
  });

type HeaderMap = Record<string, string | undefined>;

/** Records a dealer's or station's DMS cancelled or deleted, by their DMS ids (ADR 0054). */
@ApiTags('inbound')
@ApiBearerAuth()
@Controller('inbound')
export class DmsRecordCancellationController {
  constructor(private readonly cancellations: DmsRecordCancellationService) {}

  @Post('orders/cancellations')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({
    summary: "Cancel an order a dealer's DMS sent: publishes dms-order.cancelled",
    description: ONE,
  })
  @ApiOkResponse({ type: DmsCancellationRowResult })
  @ApiNotFoundResponse({ description: 'This DMS sent no order with that externalId' })
  order(@Body() row: DmsDealerCancellationRowDto, @CurrentPrincipal() p: Principal) {
    return this.cancellations.cancelOne(DMS_ORDERS, p, row);
  }

  @Post('orders/cancellations\\:batch')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({ summary: `Cancel orders a dealer's DMS sent. ${BATCH}` })
  @IdempotencyKeyHeader()
  @ApiBody({ type: [DmsDealerCancellationRowDto] })
  @ApiOkResponse({ type: DmsCancellationBatchResponse })
  orders(
    @Body() body: unknown,
    @Headers() h: HeaderMap,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.batch(DMS_ORDERS, body, h, p, res);
  }

  @Post('invoices/cancellations')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({ summary: 'Void an invoice: publishes dms-order.invoice-voided', description: ONE })
  @ApiOkResponse({ type: DmsCancellationRowResult })
  @ApiNotFoundResponse({ description: 'This DMS sent no invoice with that externalId' })
  invoice(@Body() row: DmsDealerCancellationRowDto, @CurrentPrincipal() p: Principal) {
    return this.cancellations.cancelOne(DMS_INVOICES, p, row);
  }

  @Post('invoices/cancellations\\:batch')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({ summary: `Void invoices. ${BATCH}` })
  @IdempotencyKeyHeader()
  @ApiBody({ type: [DmsDealerCancellationRowDto] })
  @ApiOkResponse({ type: DmsCancellationBatchResponse })
  invoices(
    @Body() body: unknown,
    @Headers() h: HeaderMap,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.batch(DMS_INVOICES, body, h, p, res);
  }

  @Post('payments/cancellations')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({ summary: 'Reverse a payment: publishes dms-order.payment-reversed', description: ONE })
  @ApiOkResponse({ type: DmsCancellationRowResult })
  @ApiNotFoundResponse({ description: 'This DMS sent no payment with that externalId' })
  payment(@Body() row: DmsDealerCancellationRowDto, @CurrentPrincipal() p: Principal) {
    return this.cancellations.cancelOne(DMS_PAYMENTS, p, row);
  }

  @Post('payments/cancellations\\:batch')
  @HttpCode(200)
  @Roles(R.dealer)
  @ApiOperation({ summary: `Reverse payments. ${BATCH}` })
  @IdempotencyKeyHeader()
  @ApiBody({ type: [DmsDealerCancellationRowDto] })
  @ApiOkResponse({ type: DmsCancellationBatchResponse })
  payments(
    @Body() body: unknown,
    @Headers() h: HeaderMap,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.batch(DMS_PAYMENTS, body, h, p, res);
  }

  @Post('repairs/cancellations')
  @HttpCode(200)
  @Roles(R.repairStation)
  @ApiOperation({
    summary: "Cancel a paid repair a station's DMS sent: publishes dms-repair.cancelled",
    description: ONE,
  })
  @ApiOkResponse({ type: DmsCancellationRowResult })
  @ApiNotFoundResponse({ description: 'This DMS sent no repair with that externalId' })
  repair(@Body() row: DmsStationCancellationRowDto, @CurrentPrincipal() p: Principal) {
    return this.cancellations.cancelOne(DMS_REPAIRS, p, row);
  }

  @Post('repairs/cancellations\\:batch')
  @HttpCode(200)
  @Roles(R.repairStation)
  @ApiOperation({ summary: `Cancel paid repairs a station's DMS sent. ${BATCH}` })
  @IdempotencyKeyHeader()
  @ApiBody({ type: [DmsStationCancellationRowDto] })
  @ApiOkResponse({ type: DmsCancellationBatchResponse })
  repairs(
    @Body() body: unknown,
    @Headers() h: HeaderMap,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.batch(DMS_REPAIRS, body, h, p, res);
  }

  private async batch(
    kind: DmsRecordKind,
    body: unknown,
    headers: HeaderMap,
    principal: Principal,
    response: Response,
  ): Promise<DmsCancellationBatchResponse> {
    const { response: answer, replayed } = await this.cancellations.cancelBatch(
      kind,
      principal,
      body,
      checkedIdempotencyKey(headers['idempotency-key']),
    );
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return answer;
  }
}
