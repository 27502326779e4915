import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerUpdated, MAX_CUSTOMER_TAGS } from '@crm/contracts';
import { Clock, ConflictError, IdGenerator, NotFoundError } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { AuditLog } from '../audit/audit-log';
import { PartnerLinkRepository } from '../partner-links/partner-link.repository';
import { isUniqueViolationOf } from '../shared/unique-violation';
import { RegistrationWriter } from './batch-registration/registration.writer';
import { Consent, Customer, toCustomerState } from './customer';
import { newCustomer, withFields } from './customer-draft';
import { CustomerRepository } from './customer.repository';
import { DuplicateCandidate, DuplicateFinder } from './duplicate-finder';
import { CreateCustomerDto } from './dto/create-customer.dto';
import { UpdateCustomerDto } from './dto/update-customer.dto';

export interface RegisterOptions {
  allowDuplicate?: boolean;
  /** A dealer or repair station registering its own customer gets linked to it. */
  registeringPartnerId?: string;
  /**
   * Sent again under the same key (by the same partner, or by staff), the registration answers the
   * customer the first one made instead of registering another; the body sent again is not compared.
   */
  idempotencyKey?: string;
}

const REGISTRATION_KEY_CONSTRAINT = 'customer_registration_key_pkey';

@Injectable()
export class CustomerService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly duplicates: DuplicateFinder,
    private readonly links: PartnerLinkRepository,
    private readonly registrations: RegistrationWriter,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async register(input: CreateCustomerDto, options: RegisterOptions = {}): Promise<Customer> {
    if (!options.idempotencyKey) return this.uow.run((tx) => this.registerWithin(tx, input, options));
    const key = { scope: options.registeringPartnerId ?? 'staff', key: options.idempotencyKey };
    const earlier = await this.customers.findByRegistrationKey(key);
    if (earlier) return earlier;
    try {
      return await this.uow.run(async (tx) => {
        const customer = await this.registerWithin(tx, input, options);
        await this.customers.recordRegistrationKey(tx, key, customer.id);
        return customer;
      });
    } catch (error) {
      // A concurrent registration under the same key committed first: its duplicate (409) or its key (unique violation).
      const lostRace =
        error instanceof ConflictError || isUniqueViolationOf(error, REGISTRATION_KEY_CONSTRAINT);
      const winner = lostRace ? await this.customers.findByRegistrationKey(key) : null;
      if (winner) return winner;
      throw error;
    }
  }

  private async registerWithin(
    tx: EntityManager,
    input: CreateCustomerDto,
    options: RegisterOptions = {},
  ): Promise<Customer> {
    const now = this.clock.now().toISOString();
    const customer = newCustomer(this.ids.next(), input, now);
    if (!options.allowDuplicate) {
      const candidates = await this.duplicates.find(tx, customer);
      if (candidates.length > 0) {
        throw new ConflictError(
          'This customer probably exists already; pass allowDuplicate=true to create anyway',
          { candidates: await this.visibleCandidates(tx, candidates, options.registeringPartnerId) },
        );
      }
    }
    await this.registrations.write(tx, {
      customers: [customer],
      vehicles: [],
      registeringPartnerId: options.registeringPartnerId,
    });
    return customer;
  }

  /** Staff see every candidate; a partner only those it may already read, so a 409 leaks no one else's customer. */
  private async visibleCandidates(
    tx: EntityManager,
    candidates: DuplicateCandidate[],
    partnerId: string | undefined,
  ): Promise<DuplicateCandidate[]> {
    if (!partnerId) return candidates;
    const linked = await this.links.linkedAmong(
      tx,
      partnerId,
      candidates.map((candidate) => candidate.customerId),
    );
    return candidates.filter((candidate) => linked.has(candidate.customerId));
  }

  async get(id: string): Promise<Customer> {
    const customer = await this.customers.findById(id);
    if (!customer) throw new NotFoundError('customer', id);
    return customer;
  }

  async update(id: string, input: UpdateCustomerDto): Promise<Customer> {
    return this.uow.run(async (tx) => {
      await this.customers.lock(tx, id);
      const current = await this.customers.findById(id, tx);
      if (!current || current.status !== 'active') throw new NotFoundError('customer', id);
      const now = this.clock.now().toISOString();
      const updated = {
        ...withFields(current, input, now),
        version: current.version + 1,
        updatedAt: now,
      };
      const changedFields = Object.keys(input).filter(
        (key) => input[key as keyof UpdateCustomerDto] !== undefined,
      );
      await this.saveChange(tx, updated, changedFields);
      return updated;
    });
  }

  /**
   * An opt-out from elsewhere (a campaign's unsubscribe link): withdraws consent on the channel unless a decision at
   * least as recent is recorded; follows a merge to the survivor; an erased customer has nothing left to withdraw.
   */
  async withdrawConsent(
    tx: EntityManager,
    customerId: string,
    withdrawal: Omit<Consent, 'granted'>,
  ): Promise<void> {
    await this.customers.lock(tx, customerId);
    const current = await this.customers.findById(customerId, tx);
    if (current?.status === 'merged' && current.mergedInto)
      return this.withdrawConsent(tx, current.mergedInto, withdrawal);
    if (current?.status !== 'active') return;
    const known = current.consents.find((consent) => consent.channel === withdrawal.channel);
    if (known && (!known.granted || Date.parse(known.at) >= Date.parse(withdrawal.at))) return;
    const updated: Customer = {
      ...current,
      consents: [
        ...current.consents.filter((consent) => consent.channel !== withdrawal.channel),
        { ...withdrawal, granted: false },
      ],
      version: current.version + 1,
      updatedAt: this.clock.now().toISOString(),
    };
    await this.saveChange(tx, updated, ['consents']);
  }

  /**
   * A workflow rule's add-tag (ADR 0043): adds the tag unless the customer has it or already has as many as allowed;
   * follows a merge to the survivor; a customer gone has nothing to tag.
   */
  async addTag(tx: EntityManager, customerId: string, tag: string): Promise<void> {
    await this.customers.lock(tx, customerId);
    const current = await this.customers.findById(customerId, tx);
    if (current?.status === 'merged' && current.mergedInto) return this.addTag(tx, current.mergedInto, tag);
    if (current?.status !== 'active') return;
    if (current.tags.includes(tag) || current.tags.length >= MAX_CUSTOMER_TAGS) return;
    const updated: Customer = {
      ...current,
      tags: [...current.tags, tag],
      version: current.version + 1,
      updatedAt: this.clock.now().toISOString(),
    };
    await this.saveChange(tx, updated, ['tags']);
  }

  /** One changed customer: saved, audited and published with the fields that changed. */
  private async saveChange(tx: EntityManager, updated: Customer, changedFields: string[]): Promise<void> {
    await this.customers.save(tx, updated);
    await this.audit.record(tx, {
      action: 'customer.updated',
      entityType: 'customer',
      entityId: updated.id,
      changedFields,
    });
    const payload = { ...toCustomerState(updated), changedFields };
    await this.outbox.add(tx, this.events.create(CustomerUpdated, updated.id, payload));
  }
}
