import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Legacy files name the selling dealer by its code; vehicles store the dealer's id. */
@Injectable()
export class DealerCodeRepository {
  /** The dealers' ids by code, for those of `codes` that name a dealer. */
  async dealerIdsByCode(tx: EntityManager, codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows: { id: string; code: string }[] = await tx.query(
      `SELECT id, code FROM customer_master.partner WHERE code = ANY($1::text[]) AND kind = 'dealer'`,
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row.id]));
  }
}
