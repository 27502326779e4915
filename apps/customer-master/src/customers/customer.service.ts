import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerRegistered, CustomerUpdated, MAX_CUSTOMER_TAGS } from '@crm/contracts';
import { Clock, ConflictError, FieldError, IdGenerator, InvalidInputError, NotFoundError } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { AuditLog } from '../audit/audit-log';
import { PartnerLinkRepository } from '../partner-links/partner-link.repository';
import { isUniqueViolationOf } from '../shared/unique-violation';
import { Consent, Customer, noPersonalData, toCustomerState } from './customer';
import { CustomerRepository } from './customer.repository';
import { DuplicateCandidate, DuplicateFinder } from './duplicate-finder';
import { CreateCustomerDto } from './dto/create-customer.dto';
import { ConsentInputDto } from './dto/consent-input.dto';
import { UpdateCustomerDto } from './dto/update-customer.dto';
import { latinName, normalizePhone } from '@crm/search-keys';

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

  /** Registers inside the caller's transaction, so a bulk import writes many customers in one. */
  async registerWithin(
    tx: EntityManager,
    input: CreateCustomerDto,
    options: RegisterOptions = {},
  ): Promise<Customer> {
    const now = this.clock.now().toISOString();
    const customer = this.applyFields(this.blankCustomer(input, now), input, now);
    if (!options.allowDuplicate) {
      const candidates = await this.duplicates.find(tx, customer);
      if (candidates.length > 0) {
        throw new ConflictError(
          'This customer probably exists already; pass allowDuplicate=true to create anyway',
          { candidates: await this.visibleCandidates(tx, candidates, options.registeringPartnerId) },
        );
      }
    }
    await this.customers.save(tx, customer);
    if (options.registeringPartnerId)
      await this.links.link(tx, customer.id, options.registeringPartnerId, 'registered');
    await this.audit.record(tx, {
      action: 'customer.registered',
      entityType: 'customer',
      entityId: customer.id,
    });
    await this.outbox.add(tx, this.events.create(CustomerRegistered, customer.id, toCustomerState(customer)));
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
        ...this.applyFields(current, input, now),
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

  private blankCustomer(input: CreateCustomerDto, now: string): Customer {
    return {
      id: this.ids.next(),
      kind: input.kind,
      name: input.name,
      ...noPersonalData(),
      status: 'active',
      mergedInto: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  }

  /** Applies the given fields onto a customer, normalizing phones and emails. */
  private applyFields(customer: Customer, input: UpdateCustomerDto, now: string): Customer {
    const a = input.address;
    const name = input.name?.trim() ?? customer.name;
    if (!name) throw new InvalidInputError([{ field: 'name', message: 'name must not be blank' }]);
    return {
      ...customer,
      name,
      nameLatin: latinName(name),
      phones: input.phones ? normalizePhones(input.phones) : customer.phones,
      emails: input.emails ? [...new Set(input.emails.map((e) => e.trim().toLowerCase()))] : customer.emails,
      address: a
        ? {
            province: a.province ?? null,
            city: a.city ?? null,
            district: a.district ?? null,
            street: a.street ?? null,
            postalCode: a.postalCode ?? null,
            location: a.location ?? null,
          }
        : customer.address,
      birthday: input.birthday ?? customer.birthday,
      gender: input.gender ?? customer.gender,
      tags: input.tags ? [...new Set(input.tags)] : customer.tags,
      ownerSalesRepId: input.ownerSalesRepId ?? customer.ownerSalesRepId,
      consents: input.consents ? mergeConsents(customer.consents, input.consents, now) : customer.consents,
      preferredLanguage: input.preferredLanguage ?? customer.preferredLanguage,
    };
  }
}

function normalizePhones(phones: string[]): string[] {
  const errors: FieldError[] = [];
  const normalized = phones.map((phone, i) => {
    const result = normalizePhone(phone);
    if (!result)
      errors.push({ field: `phones.${i}`, message: `"${phone.slice(0, 40)}" is not a valid phone number` });
    return result?.e164 ?? '';
  });
  if (errors.length > 0) throw new InvalidInputError(errors);
  return [...new Set(normalized)];
}

function mergeConsents(current: Consent[], given: ConsentInputDto[], at: string): Consent[] {
  const byChannel = new Map(current.map((consent) => [consent.channel, consent]));
  for (const consent of given) byChannel.set(consent.channel, { ...consent, at });
  return [...byChannel.values()];
}
