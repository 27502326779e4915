import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { DomainError, IdGenerator } from '@crm/core';
import { ExternalKey, ExternalRefRepository, refKey } from './external-ref.repository';

/** Longer than a batch can take (customer-master calls of at most 30 s each), so a live lease never expires. */
const LEASE_SECONDS = 120;
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

  /** All the records' leases at once or none (so two batches never hold part each and wait on the other). */
  async whileHeldAll<T>(keys: ExternalKey[], work: () => Promise<T>): Promise<T> {
    const leaseKeys = [...new Set(keys.map(refKey))];
    const holder = this.ids.next();
    const deadline = Date.now() + WAIT_MS;
    while (!(await this.refs.leaseAll(leaseKeys, holder, LEASE_SECONDS))) {
      if (Date.now() > deadline) throw new RecordBusyError();
      await sleep(POLL_MS);
    }
    try {
      return await work();
    } finally {
      await this.refs.releaseLeases(leaseKeys, holder);
    }
  }
}
