import { Injectable } from '@nestjs/common';
import { SalesRecordType } from '@crm/contracts';
import { ActivityRepository } from '../activities/activity.repository';
import { SalesScope } from '../hierarchy/sales-scope';
import { LeadRepository } from '../leads/lead.repository';
import { OpportunityRepository } from '../opportunities/opportunity.repository';
import { GuidedRecord } from './guidance-comment';

/** Finds the record a comment is on through the caller's scope: a record they cannot see is null. */
@Injectable()
export class GuidedRecords {
  constructor(
    private readonly leads: LeadRepository,
    private readonly opportunities: OpportunityRepository,
    private readonly activities: ActivityRepository,
  ) {}

  async find(scope: SalesScope, type: SalesRecordType, id: string): Promise<GuidedRecord | null> {
    const record = await this.lookup(scope, type, id);
    return record ? { type, id, ownerId: record.ownerId, partnerId: record.partnerId } : null;
  }

  private lookup(
    scope: SalesScope,
    type: SalesRecordType,
    id: string,
  ): Promise<Pick<GuidedRecord, 'ownerId' | 'partnerId'> | null> {
    switch (type) {
      case 'lead':
        return this.leads.find(scope, id);
      case 'opportunity':
        return this.opportunities.find(scope, id);
      case 'activity':
        return this.activities.find(scope, id);
    }
  }
}
