import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerMerged, CustomerUpdated } from '@crm/contracts';
import { EventFactory, Outbox } from '@crm/messaging';
import { AuditLog } from '../audit/audit-log';
import { Customer, toCustomerState } from '../customers/customer';

export interface MergeOutcome {
  survivor: Customer;
  retired: Customer;
  movedVehicleIds: string[];
  changedFields: string[];
}

/** Writes the audit entries and events of a merge inside the merge's transaction. */
@Injectable()
export class CustomerMergePublisher {
  constructor(
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
  ) {}

  async merged(tx: EntityManager, outcome: MergeOutcome): Promise<void> {
    const { survivor, retired, movedVehicleIds, changedFields } = outcome;
    await this.audit.record(tx, {
      action: 'customer.merged',
      entityType: 'customer',
      entityId: survivor.id,
      changedFields,
    });
    await this.audit.record(tx, {
      action: 'customer.merged-into-survivor',
      entityType: 'customer',
      entityId: retired.id,
      changedFields: ['status', 'mergedInto', 'phones'],
    });
    for (const vehicleId of movedVehicleIds) {
      await this.audit.record(tx, {
        action: 'vehicle.ownership-changed',
        entityType: 'vehicle',
        entityId: vehicleId,
      });
    }
    const state = toCustomerState(survivor);
    const mergedPayload = { survivorId: survivor.id, mergedId: retired.id, movedVehicleIds, survivor: state };
    await this.outbox.add(
      tx,
      this.events.create(CustomerMerged, survivor.id, mergedPayload),
      this.events.create(CustomerUpdated, survivor.id, { ...state, changedFields }),
    );
  }
}
