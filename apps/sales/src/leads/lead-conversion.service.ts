import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Money } from '@crm/contracts';
import { Clock, ConflictError, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { EntityManager } from 'typeorm';
import { scopeOf } from '../hierarchy/sales-scope';
import { Opportunity } from '../opportunities/opportunity';
import { OpportunityOpeningService } from '../opportunities/opportunity-opening.service';
import { OpportunityRepository } from '../opportunities/opportunity.repository';
import { CustomerMasterGateway } from './conversion/customer-master.gateway';
import { Lead } from './lead';
import { LeadPublishing } from './lead-publishing';
import { LeadRepository } from './lead.repository';

export interface ConvertLead {
  name?: string;
  pipelineId?: string;
  amount?: Money;
  expectedCloseDate?: string;
  /** The customer the caller picked from the candidates of an earlier 409. */
  customerId?: string;
}

export interface LeadConversion {
  leadId: string;
  customerId: string;
  opportunity: Opportunity;
}

/**
 * Converts a lead: its customer (the matched one, the one the caller picked, or one registered in the
 * customer master now, whose duplicate rules apply) and an opportunity owned by the lead's owner (the
 * converter when unassigned). The customer is settled before the lead's transaction opens, so no
 * transaction waits on the customer master (in the embedded default it shares the one connection);
 * the registration is keyed by the lead, so a retry or a concurrent conversion gets the same customer,
 * and the lead's short transaction then converts once: a second conversion answers the first's result.
 * When the customer master fails nothing changes here.
 */
@Injectable()
export class LeadConversionService {
  constructor(
    private readonly leads: LeadRepository,
    private readonly opening: OpportunityOpeningService,
    private readonly opportunities: OpportunityRepository,
    private readonly customerMaster: CustomerMasterGateway,
    private readonly publishing: LeadPublishing,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async convert(
    principal: Principal,
    authorization: string,
    id: string,
    request: ConvertLead,
  ): Promise<LeadConversion> {
    const scope = scopeOf(principal);
    const lead = convertible(await this.leads.find(scope, id), id);
    if (lead.status === 'converted') return this.answer(lead);
    const customerId = await this.customerFor(authorization, lead, request.customerId);
    return this.uow.run(async (tx) => {
      const locked = convertible(await this.leads.find(scope, id, tx, true), id);
      if (locked.status === 'converted') return this.answer(locked, tx);
      await this.convertTo(tx, principal, locked, customerId, request);
      return this.answer(locked, tx);
    });
  }

  private async convertTo(
    tx: EntityManager,
    principal: Principal,
    lead: Lead,
    customerId: string,
    request: ConvertLead,
  ): Promise<void> {
    const ownerId = lead.ownerId ?? principal.subject;
    const opportunity = await this.opening.open(tx, {
      name: request.name ?? [lead.name, lead.interest.model].filter(Boolean).join(' - '),
      pipelineId: request.pipelineId,
      amount: request.amount ?? lead.interest.budget,
      expectedCloseDate: request.expectedCloseDate ?? null,
      customerId,
      leadId: lead.id,
      ownerId,
      partnerId: lead.partnerId,
      openedBy: principal.subject,
    });
    Object.assign(lead, {
      status: 'converted',
      ownerId,
      customerId,
      customerCandidates: [],
      opportunityId: opportunity.id,
      updatedAt: this.clock.now().toISOString(),
    });
    await this.leads.update(tx, lead);
    await this.publishing.converted(tx, lead);
  }

  private async customerFor(authorization: string, lead: Lead, chosen: string | undefined): Promise<string> {
    if (chosen) {
      await this.customerMaster.confirmVisible(authorization, chosen);
      return chosen;
    }
    return lead.customerId ?? this.customerMaster.registerFor(authorization, lead);
  }

  /** What the conversion made, read back so that converting again answers exactly the same. */
  private async answer(lead: Lead, tx?: EntityManager): Promise<LeadConversion> {
    const opportunity = await this.opportunities.find(
      { kind: 'all', userId: lead.capturedBy },
      lead.opportunityId as string,
      tx,
    );
    return {
      leadId: lead.id,
      customerId: lead.customerId as string,
      opportunity: opportunity as Opportunity,
    };
  }
}

/** The lead the caller may see, unless it is disqualified. */
function convertible(lead: Lead | null, id: string): Lead {
  if (!lead) throw new NotFoundError('lead', id);
  if (lead.status === 'disqualified') throw new ConflictError(`lead ${id} is disqualified`);
  return lead;
}
