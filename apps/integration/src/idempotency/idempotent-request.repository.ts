import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface IdempotentRequestKey {
  caller: string;
  key: string;
}

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'answered'; requestHash: string; response: unknown }
  | { kind: 'in-progress'; requestHash: string };

/** Requests sent with an `Idempotency-Key`: claimed before they run, their answer stored once they finish. */
@Injectable()
export class IdempotentRequestRepository {
  constructor(private readonly db: DataSource) {}

  async claim(id: IdempotentRequestKey, requestHash: string): Promise<Claim> {
    const inserted: unknown[] = await this.db.query(
      `INSERT INTO integration.idempotent_request (caller, idempotency_key, request_hash)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING caller`,
      [id.caller, id.key, requestHash],
    );
    if (inserted.length) return { kind: 'claimed' };
    const [row]: { request_hash: string; response: unknown }[] = await this.db.query(
      `SELECT request_hash, response FROM integration.idempotent_request WHERE caller = $1 AND idempotency_key = $2`,
      [id.caller, id.key],
    );
    if (!row) return this.claim(id, requestHash);
    return row.response === null
      ? { kind: 'in-progress', requestHash: row.request_hash }
      : { kind: 'answered', requestHash: row.request_hash, response: row.response };
  }

  async answer(id: IdempotentRequestKey, response: unknown): Promise<void> {
    await this.db.query(
      `UPDATE integration.idempotent_request SET response = $3 WHERE caller = $1 AND idempotency_key = $2`,
      [id.caller, id.key, JSON.stringify(response)],
    );
  }

  /** Frees the key, so the same request sent again runs again (its answer was not final). */
  async release(id: IdempotentRequestKey): Promise<void> {
    await this.db.query(
      `DELETE FROM integration.idempotent_request WHERE caller = $1 AND idempotency_key = $2 AND response IS NULL`,
      [id.caller, id.key],
    );
  }
}
