import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerContact } from '../customers/customer-contact';

export interface PersonalLead {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  notes: string | null;
}

export interface PersonalActivity {
  id: string;
  subject: string;
  discussed: string;
  next_step: string | null;
}

/** Every sales record about one person: what erasure scrubs and the export shows. */
export interface PersonalRecords {
  contact: CustomerContact | null;
  leads: PersonalLead[];
  opportunityIds: string[];
  activities: PersonalActivity[];
}

/**
 * Finds a person's records: the replica, leads matched to them or carrying their phone or email (a prospect
 * captured before the match), opportunities of those, and activities on any of them.
 */
@Injectable()
export class PersonalRecordsRepository {
  async find(db: EntityManager, customerId: string): Promise<PersonalRecords> {
    const [contact]: CustomerContact[] = await db.query(
      `SELECT customer_id AS "customerId", name, phones, emails FROM sales.customer_contact WHERE customer_id = $1`,
      [customerId],
    );
    const leads: PersonalLead[] = await db.query(
      `SELECT id, name, phone, email, notes FROM sales.lead
        WHERE customer_id = $1 OR phone = ANY($2) OR email = ANY($3) ORDER BY created_at`,
      [customerId, contact?.phones ?? [], contact?.emails ?? []],
    );
    const leadIds = leads.map((lead) => lead.id);
    const opportunities: Array<{ id: string }> = await db.query(
      `SELECT id FROM sales.opportunity WHERE customer_id = $1 OR lead_id = ANY($2) ORDER BY created_at`,
      [customerId, leadIds],
    );
    const opportunityIds = opportunities.map((opportunity) => opportunity.id);
    const activities: PersonalActivity[] = await db.query(
      `SELECT id, subject, discussed, next_step FROM sales.activity
        WHERE customer_id = $1 OR lead_id = ANY($2) OR opportunity_id = ANY($3) ORDER BY occurred_at`,
      [customerId, leadIds, opportunityIds],
    );
    return { contact: contact ?? null, leads, opportunityIds, activities };
  }
}

/** The ids that mark a row (outbox, dead letter, read audit) as being about the person. */
export function idsOf(customerId: string, records: PersonalRecords): string[] {
  return [
    customerId,
    ...records.leads.map((lead) => lead.id),
    ...records.opportunityIds,
    ...records.activities.map((activity) => activity.id),
  ];
}
