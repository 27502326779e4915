import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { afterCommit } from '@crm/messaging';
import { CacheStore } from '@crm/observability';
import { CacheKeys, CUSTOMER_360_GENERATION_TTL_SECONDS } from '../call-center.constants';

/** Drops the cached 360 view of customers an event touched, once the event is applied. */
@Injectable()
export class Customer360Invalidator {
  constructor(private readonly cache: CacheStore) {}

  /** A new generation marks views built before this event as stale, even if they are cached after it. */
  afterCommit(tx: EntityManager, ...customerIds: (string | null)[]): void {
    const ids = customerIds.filter((id): id is string => !!id);
    afterCommit(tx, async () => {
      await Promise.all(
        ids.map((id) =>
          this.cache.set(
            CacheKeys.customer360Generation(id),
            randomUUID(),
            CUSTOMER_360_GENERATION_TTL_SECONDS,
          ),
        ),
      );
      await this.cache.delete(...ids.map(CacheKeys.customer360));
    });
  }
}
