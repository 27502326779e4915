import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErasedCustomers, eraseFromMessagingTables } from '@crm/messaging';
import { CustomerContactRepository } from '../customers/customer-contact.repository';
import { SALES_SCHEMA } from '../sales.constants';
import { idsOf, PersonalRecords, PersonalRecordsRepository } from './personal-records.repository';
import { SalesErasureRepository } from './sales-erasure.repository';

/**
 * The right to erasure in sales (ADR 0013), in one transaction: the replica forgets the person behind a
 * tombstone, their leads and activities are scrubbed and the business records unlinked, and outbox rows and
 * dead letters about them lose their values. Applying it twice finds nothing left to change.
 */
@Injectable()
export class CustomerErasureService {
  constructor(
    private readonly records: PersonalRecordsRepository,
    private readonly erasure: SalesErasureRepository,
    private readonly contacts: CustomerContactRepository,
    private readonly erased: ErasedCustomers,
  ) {}

  async erase(tx: EntityManager, customerId: string): Promise<void> {
    await this.erased.tombstone(tx, customerId);
    const records = await this.records.find(tx, customerId);
    const values = personalValues(records);
    await this.contacts.remove(tx, customerId);
    await this.contacts.dropFromCandidates(tx, customerId);
    await this.erasure.scrubLeads(
      tx,
      records.leads.map((lead) => lead.id),
    );
    await this.erasure.unlinkOpportunities(tx, records.opportunityIds, values);
    await this.erasure.unlinkQuotesAndOrders(tx, records.opportunityIds, values);
    await this.erasure.scrubActivities(
      tx,
      records.activities.map((activity) => activity.id),
    );
    await eraseFromMessagingTables(tx, SALES_SCHEMA, { ids: idsOf(customerId, records), values });
  }
}

/** The person's values as sales knew them, longest first so a note is replaced before a phone inside it. */
function personalValues({ contact, leads, activities }: PersonalRecords): string[] {
  const values = [
    contact?.name,
    ...(contact?.phones ?? []),
    ...(contact?.emails ?? []),
    ...leads.flatMap((lead) => [lead.name, lead.phone, lead.email, lead.notes]),
    ...activities.flatMap((activity) => [activity.subject, activity.discussed, activity.next_step]),
  ];
  return [...new Set(values.filter((value): value is string => !!value && value.trim().length > 1))].sort(
    (a, b) => b.length - a.length,
  );
}
