import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { DomainError, IdGenerator } from '@crm/core';
import { ExternalKey, ExternalRefRepository, refKey } from './external-ref.repository';

/** Longer than a row can take (two customer-master calls of at most 5 s each), so a live lease never expires. */
const LEASE_SECONDS = 30;
const WAIT_MS = 15_000;
const POLL_MS = 50;

/** Another request is importing the same record and did not finish in time; sending the row again is safe. */
export class RecordBusyError extends DomainError {
  readonly status = 409;
  readonly title = 'Record busy';
  constructor() {
    super('another request is importing the same record; send the row again later');
    this.extensions.field = 'row';
  }
}

/**
 * One request at a time per source record, across replicas: a lease row in the database, so no
 * connection is held while customer-master is called (the embedded default has only one), and a
 * crashed holder's lease expires by itself.
 */
@Injectable()
export class RecordLeases {
  constructor(
    private readonly refs: ExternalRefRepository,
    private readonly ids: IdGenerator,
  ) {}

  async whileHeld<T>(key: ExternalKey, work: () => Promise<T>): Promise<T> {
    const leaseKey = refKey(key);
    const holder = this.ids.next();
    const deadline = Date.now() + WAIT_MS;
    while (!(await this.refs.lease(leaseKey, holder, LEASE_SECONDS))) {
      if (Date.now() > deadline) throw new RecordBusyError();
      await sleep(POLL_MS);
    }
    try {
      return await work();
    } finally {
      await this.refs.releaseLease(leaseKey, holder);
    }
  }
}
