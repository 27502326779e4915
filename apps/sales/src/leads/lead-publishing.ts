import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LeadAssigned, LeadCaptured, LeadConverted } from '@crm/contracts';
import { Clock, IdGenerator } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { Lead } from './lead';
import type { CaptureLead } from './lead-capture.service';

/** Stamps new leads (id, time) and writes their integration events. */
@Injectable()
export class LeadPublishing {
  constructor(
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  newLead(
    r: Omit<CaptureLead, 'phone' | 'email' | 'ownerId' | 'partnerId' | 'location'> &
      Pick<
        Lead,
        | 'phone'
        | 'email'
        | 'ownerId'
        | 'partnerId'
        | 'customerId'
        | 'customerCandidates'
        | 'location'
        | 'capturedBy'
      >,
  ): Lead {
    const now = this.clock.now().toISOString();
    return {
      id: this.ids.next(),
      source: r.source,
      status: 'new',
      name: r.name,
      phone: r.phone,
      email: r.email,
      customerId: r.customerId,
      customerCandidates: r.customerCandidates,
      ownerId: r.ownerId,
      partnerId: r.partnerId,
      score: r.score ?? 0,
      interest: {
        model: r.interest?.model ?? null,
        budget: r.interest?.budget ?? null,
        timeframe: r.interest?.timeframe ?? null,
      },
      location: r.location,
      assignment: null,
      campaignId: r.campaignId ?? null,
      notes: r.notes ?? null,
      opportunityId: null,
      capturedBy: r.capturedBy,
      createdAt: now,
      updatedAt: now,
    };
  }

  async captured(tx: EntityManager, lead: Lead): Promise<void> {
    await this.outbox.add(
      tx,
      this.events.create(LeadCaptured, lead.id, {
        leadId: lead.id,
        source: lead.source,
        status: lead.status,
        name: lead.name,
        phone: lead.phone,
        email: lead.email,
        customerId: lead.customerId,
        ownerId: lead.ownerId,
        partnerId: lead.partnerId,
        score: lead.score,
        interest: lead.interest,
        campaignId: lead.campaignId,
        capturedAt: lead.createdAt,
      }),
    );
  }

  async converted(tx: EntityManager, lead: Lead): Promise<void> {
    await this.outbox.add(
      tx,
      this.events.create(LeadConverted, lead.id, {
        leadId: lead.id,
        opportunityId: lead.opportunityId as string,
        customerId: lead.customerId,
        ownerId: lead.ownerId as string,
        partnerId: lead.partnerId,
        source: lead.source,
        convertedAt: lead.updatedAt,
      }),
    );
  }

  /** The rule's decision, when one placed the lead (the lead carries it in `assignment`). */
  async assigned(tx: EntityManager, lead: Lead): Promise<void> {
    const decision = lead.assignment;
    if (!decision) return;
    await this.outbox.add(
      tx,
      this.events.create(LeadAssigned, lead.id, {
        leadId: lead.id,
        strategy: decision.strategy,
        partnerId: lead.partnerId,
        ownerId: lead.ownerId,
        managerId: decision.strategy === 'round-robin' ? decision.managerId : null,
        decidedBy: decision.decidedBy,
        decidedAt: decision.decidedAt,
      }),
    );
  }
}
