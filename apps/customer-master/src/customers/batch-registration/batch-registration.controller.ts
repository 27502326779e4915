import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, isPartner, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { validateRow } from '@crm/http';
import { CreateCustomerDto } from '../dto/create-customer.dto';
import { BatchRow, BatchRowOutcome } from './batch-registration';
import { BatchRegistrationService } from './batch-registration.service';
import {
  BatchRegistrationRequest,
  BatchRegistrationRowDto,
  MAX_BATCH_REGISTRATION_ROWS,
} from './dto/batch-registration.request';
import { BatchRegistrationResponse, BatchRowResultResponse } from './dto/batch-registration.response';

@ApiTags('customers')
@ApiBearerAuth()
@Controller()
export class BatchRegistrationController {
  constructor(private readonly registrations: BatchRegistrationService) {}

  @Post('customers\\:batch-register')
  @HttpCode(200)
  @Roles(R.agent, R.salesRep, R.salesManager, R.dealer)
  @ApiOperation({
    summary: `Register up to ${MAX_BATCH_REGISTRATION_ROWS} customers, each with an optional vehicle, in one call`,
    description:
      'Every row is answered: created, matched (the row is a customer stored already or earlier in the batch, ' +
      'by the same duplicate rules as POST /customers; a new vehicle is added to them) or rejected with its ' +
      'fields. A row that may be several customers, or one the caller may not see, is rejected with the ' +
      'candidates the caller may see, as POST /customers answers 409. A VIN owned by another customer rejects ' +
      'its row. The rows are written in one transaction with the same audit entries and events as the single ' +
      "registrations; a dealer's new customers are linked to it and it is recorded as the vehicles' seller.",
  })
  @ApiOkResponse({ type: BatchRegistrationResponse })
  @ApiBadRequestResponse({
    description: `Not 1 to ${MAX_BATCH_REGISTRATION_ROWS} rows (problem+json naming rows)`,
  })
  async register(
    @Body() body: BatchRegistrationRequest,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchRegistrationResponse> {
    const partnerId = isPartner(principal) ? principal.partnerId : undefined;
    const checked = body.rows.map(checkedRow);
    const valid = checked.flatMap((c) => ('row' in c ? [asBatchRow(c.row, partnerId)] : []));
    const registered = (
      await this.registrations.register(valid, { matching: 'unambiguous', registeringPartnerId: partnerId })
    ).values();
    const outcomes = checked.map((c) =>
      'row' in c ? (registered.next().value as BatchRowOutcome) : invalid(c.errors),
    );
    return toResponse(outcomes);
  }
}

function checkedRow(raw: unknown): ReturnType<typeof validateRow<BatchRegistrationRowDto>> {
  const checked = validateRow(BatchRegistrationRowDto, raw);
  if ('row' in checked && checked.row.customer && checked.row.customerId)
    return { errors: [{ field: 'customerId', message: 'give customer or customerId, not both' }] };
  return checked;
}

function asBatchRow(row: BatchRegistrationRowDto, dealerId: string | undefined): BatchRow {
  const vehicle = row.vehicle && { ...row.vehicle, sellingDealerId: dealerId ?? row.vehicle.sellingDealerId };
  if (row.customerId && vehicle) return { customerId: row.customerId, vehicle };
  return { customer: row.customer as CreateCustomerDto, vehicle };
}

type Invalid = { status: 'invalid'; errors: { field: string; message: string }[] };

function invalid(errors: { field: string; message: string }[]): Invalid {
  return { status: 'invalid', errors };
}

function toResponse(outcomes: (BatchRowOutcome | Invalid)[]): BatchRegistrationResponse {
  const rows = outcomes.map(toRowResult);
  const count = (status: BatchRowResultResponse['status']) => rows.filter((r) => r.status === status).length;
  return {
    summary: { created: count('created'), matched: count('matched'), rejected: count('rejected') },
    rows,
  };
}

function toRowResult(outcome: BatchRowOutcome | Invalid, row: number): BatchRowResultResponse {
  const result = { row, customerId: null, vehicleId: null, vehicleAdded: false, errors: [], candidates: [] };
  if (outcome.status === 'invalid' || outcome.status === 'rejected') {
    const errors = outcome.status === 'invalid' ? outcome.errors : [outcome.error];
    const candidates = outcome.status === 'rejected' ? (outcome.candidates ?? []) : [];
    return {
      ...result,
      status: 'rejected',
      errors: errors.map((e) => ({ field: e.field, reason: e.message })),
      candidates,
    };
  }
  const vehicleAdded = outcome.status === 'matched' && outcome.vehicleAdded;
  return {
    ...result,
    status: outcome.status,
    customerId: outcome.customerId,
    vehicleId: outcome.vehicleId,
    vehicleAdded,
  };
}
