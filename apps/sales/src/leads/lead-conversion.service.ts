import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Money } from '@crm/contracts';
import { Clock, ConflictError, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { scopeOf } from '../hierarchy/sales-scope';
import { Opportunity } from '../opportunities/opportunity';
import { OpportunityOpeningService } from '../opportunities/opportunity-opening.service';
import { LeadPublishing } from './lead-publishing';
import { LeadRepository } from './lead.repository';

export interface ConvertLead {
  name?: string;
  pipelineId?: string;
  amount?: Money;
  expectedCloseDate?: string;
}

/**
 * Converts a lead into an opportunity owned by the lead's owner (the converter when unassigned),
 * linked to the customer the lead matched. Creating a customer in the customer master for an
 * unmatched lead is not done here yet.
 */
@Injectable()
export class LeadConversionService {
  constructor(
    private readonly leads: LeadRepository,
    private readonly opening: OpportunityOpeningService,
    private readonly publishing: LeadPublishing,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  convert(
    principal: Principal,
    id: string,
    request: ConvertLead,
  ): Promise<{ leadId: string; opportunity: Opportunity }> {
    return this.uow.run(async (tx) => {
      const lead = await this.leads.find(scopeOf(principal), id, tx, true);
      if (!lead) throw new NotFoundError('lead', id);
      if (lead.status === 'converted') throw new ConflictError(`lead ${id} was already converted`);
      if (lead.status === 'disqualified') throw new ConflictError(`lead ${id} is disqualified`);
      const ownerId = lead.ownerId ?? principal.subject;
      const opportunity = await this.opening.open(tx, {
        name: request.name ?? [lead.name, lead.interest.model].filter(Boolean).join(' - '),
        pipelineId: request.pipelineId,
        amount: request.amount ?? lead.interest.budget,
        expectedCloseDate: request.expectedCloseDate ?? null,
        customerId: lead.customerId,
        leadId: lead.id,
        ownerId,
        partnerId: lead.partnerId,
        openedBy: principal.subject,
      });
      Object.assign(lead, {
        status: 'converted',
        ownerId,
        opportunityId: opportunity.id,
        updatedAt: this.clock.now().toISOString(),
      });
      await this.leads.update(tx, lead);
      await this.publishing.converted(tx, lead);
      return { leadId: lead.id, opportunity };
    });
  }
}
