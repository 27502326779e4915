import { Injectable } from '@nestjs/common';
import { PartnerRegistered, PartnerUpdated } from '@crm/contracts';
import { Clock, ConflictError, IdGenerator, NotFoundError } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { AuditLog } from '../audit/audit-log';
import { conflictOnUniqueViolation } from '../shared/unique-violation';
import { CreatePartnerDto } from './dto/create-partner.dto';
import { UpdatePartnerDto } from './dto/update-partner.dto';
import { Partner } from './partner';
import { PartnerRepository } from './partner.repository';

function toState({ createdAt: _c, updatedAt: _u, ...state }: Partner) {
  return state;
}

@Injectable()
export class PartnerService {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly audit: AuditLog,
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async register(input: CreatePartnerDto): Promise<Partner> {
    if (await this.partners.existsWithCode(input.code, null)) {
      throw new ConflictError(`A partner with code ${input.code} exists already`, { field: 'code' });
    }
    const now = this.clock.now().toISOString();
    const blank: Partner = {
      partnerId: this.ids.next(),
      kind: input.kind,
      code: input.code,
      name: input.name,
      phone: null,
      address: {
        province: null,
        city: null,
        district: null,
        street: null,
        postalCode: null,
        location: input.location,
      },
      location: input.location,
      brands: [],
      skills: [],
      capacity: 0,
      openingHours: [],
      active: true,
      createdAt: now,
      updatedAt: now,
    };
    const partner = applyFields(blank, input);
    const registering = () =>
      this.uow.run(async (tx) => {
        await this.partners.save(tx, partner);
        await this.audit.record(tx, {
          action: 'partner.registered',
          entityType: 'partner',
          entityId: partner.partnerId,
        });
        await this.outbox.add(tx, this.events.create(PartnerRegistered, partner.partnerId, toState(partner)));
        return partner;
      });
    return conflictOnUniqueViolation(registering, () => `A partner with code ${input.code} exists already`);
  }

  async get(id: string): Promise<Partner> {
    const partner = await this.partners.findById(id);
    if (!partner) throw new NotFoundError('partner', id);
    return partner;
  }

  async update(id: string, input: UpdatePartnerDto): Promise<Partner> {
    return this.uow.run(async (tx) => {
      const current = await this.partners.findById(id, tx);
      if (!current) throw new NotFoundError('partner', id);
      const updated = { ...applyFields(current, input), updatedAt: this.clock.now().toISOString() };
      const changedFields = Object.keys(input);
      await this.partners.save(tx, updated);
      await this.audit.record(tx, {
        action: 'partner.updated',
        entityType: 'partner',
        entityId: id,
        changedFields,
      });
      await this.outbox.add(tx, this.events.create(PartnerUpdated, id, toState(updated)));
      return updated;
    });
  }
}

function applyFields(partner: Partner, input: UpdatePartnerDto | CreatePartnerDto): Partner {
  const location = input.location ?? partner.location;
  const a = input.address;
  return {
    ...partner,
    name: input.name ?? partner.name,
    phone: input.phone ?? partner.phone,
    location,
    address: a
      ? {
          province: a.province ?? null,
          city: a.city ?? null,
          district: a.district ?? null,
          street: a.street ?? null,
          postalCode: a.postalCode ?? null,
          location,
        }
      : { ...partner.address, location },
    brands: input.brands ?? partner.brands,
    skills: input.skills ? [...new Set(input.skills)] : partner.skills,
    capacity: input.capacity ?? partner.capacity,
    openingHours: input.openingHours ?? partner.openingHours,
    active: input.active ?? partner.active,
  };
}
