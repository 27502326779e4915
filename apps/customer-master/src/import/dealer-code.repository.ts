import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Legacy files name the selling dealer by its code; vehicles store the dealer's id. */
@Injectable()
export class DealerCodeRepository {
  async dealerIdByCode(tx: EntityManager, code: string): Promise<string | null> {
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM customer_master.partner WHERE code = $1 AND kind = 'dealer'`,
      [code],
    );
    return rows[0]?.id ?? null;
  }
}
