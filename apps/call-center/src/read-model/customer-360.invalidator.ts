import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CacheStore } from '@crm/observability';
import { CacheKeys } from '../call-center.constants';
import { AfterCommitHooks } from './after-commit.hooks';

/** Drops the cached 360 view of customers an event touched, once the event is applied. */
@Injectable()
export class Customer360Invalidator {
  constructor(
    private readonly cache: CacheStore,
    private readonly hooks: AfterCommitHooks,
  ) {}

  afterCommit(tx: EntityManager, ...customerIds: (string | null)[]): void {
    const keys = customerIds.filter((id): id is string => !!id).map(CacheKeys.customer360);
    this.hooks.add(tx, () => this.cache.delete(...keys));
  }
}
