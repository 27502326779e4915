import { Injectable } from '@nestjs/common';
import { isPartner, Principal } from '@crm/auth';
import { ForbiddenError, InvalidInputError } from '@crm/core';
import { CustomerMasterGateway } from './customer-master.gateway';
import { VehicleSaleRowDto } from './dto/vehicle-sale-row.dto';

/** Who sold a row's vehicle: the dealer's id, or why the row cannot say. */
export type SellingDealer = { dealerId: string } | { error: Error };

/**
 * The selling dealer of each row. A dealer imports only its own sales: a row naming another dealer's
 * code or id refuses the whole request (403 naming the field) before anything is written; a row naming
 * no dealer is the caller's. Staff name the dealer by id or by code.
 */
@Injectable()
export class SellingDealers {
  constructor(private readonly customerMaster: CustomerMasterGateway) {}

  async of(
    principal: Principal,
    authorization: string,
    rows: (VehicleSaleRowDto | null)[],
  ): Promise<(SellingDealer | null)[]> {
    if (isPartner(principal)) return this.callersOwn(principal.partnerId as string, authorization, rows);
    const byCode = new Map<string, Promise<SellingDealer>>();
    return Promise.all(
      rows.map((row) => {
        if (!row) return null;
        if (row.dealerId) return { dealerId: row.dealerId };
        if (!row.dealerCode)
          return {
            error: new InvalidInputError([
              { field: 'dealerCode', message: 'name the selling dealer by dealerCode or dealerId' },
            ]),
          };
        if (!byCode.has(row.dealerCode))
          byCode.set(row.dealerCode, this.byCode(authorization, row.dealerCode));
        return byCode.get(row.dealerCode) as Promise<SellingDealer>;
      }),
    );
  }

  private async callersOwn(
    partnerId: string,
    authorization: string,
    rows: (VehicleSaleRowDto | null)[],
  ): Promise<(SellingDealer | null)[]> {
    const ownCode = await this.customerMaster.partnerCode(authorization, partnerId);
    rows.forEach((row, index) => {
      if (row?.dealerCode && row.dealerCode !== ownCode) throw notYours(index, 'dealerCode', row.dealerCode);
      if (row?.dealerId && row.dealerId !== partnerId) throw notYours(index, 'dealerId', row.dealerId);
    });
    return rows.map((row) => (row ? { dealerId: partnerId } : null));
  }

  private async byCode(authorization: string, code: string): Promise<SellingDealer> {
    try {
      const dealerId = await this.customerMaster.dealerIdByCode(authorization, code);
      if (dealerId) return { dealerId };
      return {
        error: new InvalidInputError([
          { field: 'dealerCode', message: `${code} is not a registered dealer` },
        ]),
      };
    } catch (error) {
      return { error: error as Error };
    }
  }
}

function notYours(index: number, field: 'dealerCode' | 'dealerId', value: string): ForbiddenError {
  const error = new ForbiddenError(
    `row ${index}: ${field} ${value} is not your dealer; a dealer imports only its own sales`,
  );
  Object.assign(error.extensions, { field: `[${index}].${field}`, row: index });
  return error;
}
