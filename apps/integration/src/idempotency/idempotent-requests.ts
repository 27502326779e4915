import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictError, DomainError } from '@crm/core';
import { IdempotentRequestKey, IdempotentRequestRepository } from './idempotent-request.repository';

export class IdempotencyKeyReusedError extends DomainError {
  readonly status = 422;
  readonly title = 'Idempotency-Key reused';
  constructor() {
    super('this Idempotency-Key was sent before with another body; use a new key for another request');
    this.extensions.field = 'Idempotency-Key';
  }
}

export interface Outcome<T> {
  response: T;
  /** A final answer is replayed to the same request sent again; one that is not (something to retry) is not stored. */
  final: boolean;
}

/**
 * Runs a request once per caller and `Idempotency-Key`: the same key with the same body answers what the
 * first run answered and changes nothing; the same key with another body is refused.
 */
@Injectable()
export class IdempotentRequests {
  constructor(private readonly requests: IdempotentRequestRepository) {}

  async run<T>(
    id: IdempotentRequestKey | null,
    body: unknown,
    execute: () => Promise<Outcome<T>>,
  ): Promise<{ response: T; replayed: boolean }> {
    if (!id) return { response: (await execute()).response, replayed: false };
    const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
    const claim = await this.requests.claim(id, requestHash);
    if (claim.kind !== 'claimed' && claim.requestHash !== requestHash) throw new IdempotencyKeyReusedError();
    if (claim.kind === 'answered') return { response: claim.response as T, replayed: true };
    if (claim.kind === 'in-progress')
      throw new ConflictError('a request with this Idempotency-Key is still running; send it again later', {
        field: 'Idempotency-Key',
      });
    return { response: await this.executeClaimed(id, execute), replayed: false };
  }

  private async executeClaimed<T>(id: IdempotentRequestKey, execute: () => Promise<Outcome<T>>): Promise<T> {
    try {
      const outcome = await execute();
      if (outcome.final) await this.requests.answer(id, outcome.response);
      else await this.requests.release(id);
      return outcome.response;
    } catch (error) {
      await this.requests.release(id);
      throw error;
    }
  }
}
