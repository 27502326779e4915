import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { GeoPoint, LeadInterest, LeadSource } from '@crm/contracts';
import { InvalidInputError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { normalizePhone } from '@crm/search-keys';
import { normalizeEmail } from '../customers/customer-contact';
import { CustomerContactRepository } from '../customers/customer-contact.repository';
import { OwnerPolicy } from '../hierarchy/owner-policy';
import { scopeOf } from '../hierarchy/sales-scope';
import { LeadAssigner } from './assignment/lead-assigner';
import { Lead } from './lead';
import { matchLeadToCustomer } from './lead-customer-match';
import { LeadPublishing } from './lead-publishing';
import { LeadRepository } from './lead.repository';

export interface CaptureLead {
  source: LeadSource;
  name: string;
  phone?: string;
  email?: string;
  score?: number;
  interest?: Partial<LeadInterest>;
  ownerId?: string;
  partnerId?: string;
  campaignId?: string;
  notes?: string;
  location?: GeoPoint;
}

/**
 * Takes a lead in from a web form, a dealer, the showroom or the call center, matched to a known customer
 * and assigned by the rule configured for its source.
 */
@Injectable()
export class LeadCaptureService {
  constructor(
    private readonly leads: LeadRepository,
    private readonly customers: CustomerContactRepository,
    private readonly owners: OwnerPolicy,
    private readonly uow: UnitOfWork,
    private readonly publishing: LeadPublishing,
    private readonly assigner: LeadAssigner,
  ) {}

  capture(principal: Principal, request: CaptureLead): Promise<Lead> {
    const scope = scopeOf(principal);
    const phone = request.phone ? normalizePhone(request.phone)?.e164 : null;
    if (request.phone && !phone)
      throw new InvalidInputError([{ field: 'phone', message: 'is not a phone number' }]);
    if (!phone && !request.email)
      throw new InvalidInputError([
        { field: 'phone', message: 'a phone or an email is needed to reach the lead' },
      ]);
    const email = request.email ? normalizeEmail(request.email) : null;
    return this.uow.run(async (tx) => {
      const ownerId = await this.owners.leadOwnerFor(tx, scope, request.ownerId);
      const match = matchLeadToCustomer(
        await this.customers.findMatches(tx, { phone: phone ?? null, email, name: request.name }),
      );
      const lead = this.publishing.newLead({
        ...request,
        phone: phone ?? null,
        email,
        ownerId,
        partnerId: scope.kind === 'partner' ? scope.partnerId : (request.partnerId ?? null),
        customerId: match.customerId,
        customerCandidates: match.candidates,
        location: request.location ?? null,
        capturedBy: principal.subject,
      });
      await this.assigner.applyOnCapture(tx, lead, principal.subject);
      await this.leads.insert(tx, lead);
      await this.publishing.captured(tx, lead);
      await this.publishing.assigned(tx, lead);
      return lead;
    });
  }
}
