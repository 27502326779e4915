import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnitOfWork } from '@crm/messaging';
import { PartnerLinkRepository } from '../../partner-links/partner-link.repository';
import { conflictOnUniqueViolation } from '../../shared/unique-violation';
import { VehicleRepository } from '../../vehicles/vehicle.repository';
import { DuplicateFinder, ProbeMatches } from '../duplicate-finder';
import { BatchOptions, BatchRow, BatchRowOutcome } from './batch-registration';
import { resolveBatch } from './batch-resolution';
import { BatchRowDrafter, Draft, isDraft, isNewCustomer } from './batch-row.drafter';
import { Customer } from '../customer';
import { RegistrationWriter } from './registration.writer';

/**
 * Registers a batch of customers (each with an optional vehicle) set-based (ADR 0049): every row checked, one
 * duplicate search for the whole batch (stored customers and the batch's own rows, by DuplicateFinder's rules),
 * then multi-row inserts with their audit entries and events, in one transaction; an outcome per row.
 */
@Injectable()
export class BatchRegistrationService {
  constructor(
    private readonly drafter: BatchRowDrafter,
    private readonly duplicates: DuplicateFinder,
    private readonly vehicles: VehicleRepository,
    private readonly links: PartnerLinkRepository,
    private readonly writer: RegistrationWriter,
    private readonly uow: UnitOfWork,
  ) {}

  register(rows: BatchRow[], options: BatchOptions): Promise<BatchRowOutcome[]> {
    return conflictOnUniqueViolation(
      () => this.uow.run((tx) => this.registerWithin(tx, rows, options)),
      () => 'A vehicle of this batch was registered by someone else meanwhile; send the batch again',
    );
  }

  /** In the caller's transaction (the CSV import writes a chunk and its job's progress in one). */
  async registerWithin(
    tx: EntityManager,
    rows: BatchRow[],
    options: BatchOptions,
  ): Promise<BatchRowOutcome[]> {
    await serializeBatches(tx);
    const drafted = await this.drafter.draft(tx, rows, options.registeringPartnerId);
    const drafts = drafted.filter(isDraft);
    const matches = await this.matchesOf(tx, drafts);
    const resolution = resolveBatch(
      drafts.map((draft, i) => ({ ...draft, matches: matches[i] })),
      {
        matching: options.matching,
        storedVehicles: await this.vehicles.findByVins(tx, vinsOf(drafts)),
        visible: await this.visibility(tx, options.registeringPartnerId, matches),
      },
    );
    await this.writer.write(tx, {
      customers: resolution.newCustomers,
      vehicles: resolution.newVehicles,
      registeringPartnerId: options.registeringPartnerId,
    });
    const settled = resolution.outcomes.values();
    return drafted.map((row) => (isDraft(row) ? (settled.next().value as BatchRowOutcome) : row));
  }

  /** Each draft's matches in one search; earlier rows named by their index among the drafts. */
  private async matchesOf(tx: EntityManager, drafts: Draft[]): Promise<ProbeMatches[]> {
    const probing = drafts.flatMap((draft, i) => (isNewCustomer(draft) ? [{ draft, i }] : []));
    const found = await this.duplicates.findForEach(
      tx,
      probing.map(({ draft }) => probeOf(draft.customer)),
    );
    const matches: ProbeMatches[] = drafts.map(() => ({ candidates: [], earlierProbes: [] }));
    probing.forEach(({ i }, n) => {
      matches[i] = { ...found[n], earlierProbes: found[n].earlierProbes.map((p) => probing[p].i) };
    });
    return matches;
  }

  /** Staff see every stored customer; a partner those linked to it. */
  private async visibility(
    tx: EntityManager,
    partnerId: string | undefined,
    matches: ProbeMatches[],
  ): Promise<(customerId: string) => boolean> {
    if (!partnerId) return () => true;
    const ids = [...new Set(matches.flatMap((m) => m.candidates.map((c) => c.customerId)))];
    const linked = ids.length ? await this.links.linkedAmong(tx, partnerId, ids) : new Set<string>();
    return (customerId) => linked.has(customerId);
  }
}

/**
 * Batches run their search-then-insert one at a time, so two batches holding the same new person never both
 * miss the other and create them twice; a batch takes milliseconds, single registrations do not wait.
 */
async function serializeBatches(tx: EntityManager): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('customer_master.batch_registration'))`);
  // Set-based statements over a thousand rows are estimated far above jit_above_cost and run in milliseconds;
  // compiling them took seconds on a loaded machine.
  await tx.query('SET LOCAL jit = off');
}

function probeOf(customer: Customer) {
  return {
    name: customer.name,
    nameLatin: customer.nameLatin,
    phones: customer.phones,
    emails: customer.emails,
    birthday: customer.birthday,
  };
}

function vinsOf(drafts: Draft[]): string[] {
  return [...new Set(drafts.flatMap((d) => (d.vehicle ? [d.vehicle.vin] : [])))];
}
