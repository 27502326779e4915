import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerErased } from '@crm/contracts';
import { Clock, NotFoundError } from '@crm/core';
import { eraseFromMessagingTables, EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { AuditLog } from '../audit/audit-log';
import { Customer } from '../customers/customer';
import { CustomerRepository } from '../customers/customer.repository';
import { anonymized } from './anonymized-customer';
import { MergedRecordRepository } from './merged-record.repository';
import { PersonalTracesRepository } from './personal-traces.repository';

const SCHEMA = 'customer_master';

/**
 * The right to erasure (PIPL/GDPR): the person's data is overwritten in place so vehicles and the
 * audit trail keep a valid owner id. Duplicates merged into the record are erased with it.
 */
@Injectable()
export class CustomerErasureService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly merged: MergedRecordRepository,
    private readonly traces: PersonalTracesRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  /** Erasing an erased record again changes nothing and publishes nothing. */
  async erase(id: string): Promise<Customer> {
    return this.uow.run(async (tx) => {
      await this.customers.lock(tx, id);
      const customer = await this.customers.findById(id, tx);
      if (!customer) throw new NotFoundError('customer', id);
      const erased = await this.eraseOne(tx, customer);
      for (const retiredId of await this.merged.mergedInto(tx, id)) {
        const retired = await this.customers.findById(retiredId, tx);
        if (retired) await this.eraseOne(tx, retired);
      }
      return erased;
    });
  }

  private async eraseOne(tx: EntityManager, customer: Customer): Promise<Customer> {
    if (customer.status === 'erased') return customer;
    const erasedAt = this.clock.now().toISOString();
    const traces = await this.traces.traces(tx, customer.id);
    const erased = anonymized(customer, erasedAt);
    await this.customers.save(tx, erased);
    await this.traces.forgetVehicles(tx, customer.id);
    await this.traces.scrubImportRejections(
      tx,
      traces.values.filter((v): v is string => !!v),
    );
    await eraseFromMessagingTables(tx, SCHEMA, traces);
    await this.audit.record(tx, { action: 'customer.erased', entityType: 'customer', entityId: customer.id });
    const erasedEvent = this.events.create(CustomerErased, customer.id, {
      customerId: customer.id,
      erasedAt,
    });
    await this.outbox.add(tx, erasedEvent);
    // After the event on the same key: compaction of crm.customer.v1 then drops the person's earlier messages.
    await this.outbox.addTombstone(tx, erasedEvent);
    return erased;
  }
}
