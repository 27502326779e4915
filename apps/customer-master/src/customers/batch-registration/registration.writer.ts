import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerRegistered, VehicleRegistered } from '@crm/contracts';
import { EventFactory, Outbox } from '@crm/messaging';
import { AuditEntry, AuditLog } from '../../audit/audit-log';
import { PartnerLink, PartnerLinkRepository } from '../../partner-links/partner-link.repository';
import { toVehicleState, Vehicle } from '../../vehicles/vehicle';
import { VehicleRepository } from '../../vehicles/vehicle.repository';
import { Customer, toCustomerState } from '../customer';
import { CustomerRepository } from '../customer.repository';

/** What registrations create: new customers (linked to the partner registering them) and new vehicles. */
export interface NewRegistrations {
  customers: Customer[];
  vehicles: Vehicle[];
  registeringPartnerId?: string;
}

/**
 * Writes what one registration or a whole batch of them creates, set-based, in the caller's transaction: the
 * records, partner links, audit entries and `customer.registered` / `vehicle.registered` events in the outbox.
 * A customer registered alone and one registered in a batch leave exactly the same traces (ADR 0049).
 */
@Injectable()
export class RegistrationWriter {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly vehicles: VehicleRepository,
    private readonly links: PartnerLinkRepository,
    private readonly audit: AuditLog,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
  ) {}

  async write(tx: EntityManager, created: NewRegistrations): Promise<void> {
    await this.customers.insertMany(tx, created.customers);
    await this.vehicles.insertMany(tx, created.vehicles);
    await this.links.linkMany(tx, partnerLinksOf(created));
    await this.audit.recordMany(tx, auditEntriesOf(created));
    await this.outbox.addMany(tx, [
      ...created.customers.map((c) => this.events.create(CustomerRegistered, c.id, toCustomerState(c))),
      ...created.vehicles.map((v) => this.events.create(VehicleRegistered, v.vehicleId, toVehicleState(v))),
    ]);
  }
}

function partnerLinksOf({ customers, vehicles, registeringPartnerId }: NewRegistrations): PartnerLink[] {
  const registered = registeringPartnerId
    ? customers.map((c) => ({
        customerId: c.id,
        partnerId: registeringPartnerId,
        reason: 'registered' as const,
      }))
    : [];
  const sold = vehicles.flatMap((v) =>
    v.sellingDealerId
      ? [{ customerId: v.ownerCustomerId, partnerId: v.sellingDealerId, reason: 'sold' as const }]
      : [],
  );
  return [...registered, ...sold];
}

function auditEntriesOf({ customers, vehicles }: NewRegistrations): AuditEntry[] {
  return [
    ...customers.map((c) => ({
      action: 'customer.registered',
      entityType: 'customer' as const,
      entityId: c.id,
    })),
    ...vehicles.map((v) => ({
      action: 'vehicle.registered',
      entityType: 'vehicle' as const,
      entityId: v.vehicleId,
    })),
  ];
}
