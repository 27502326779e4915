import { Injectable } from '@nestjs/common';
import { classifySearchQuery } from '@crm/search-keys';
import { LookupHit } from './lookup-hit';
import { LookupPage, LookupRepository } from './lookup.repository';

/** Finds who is calling by whatever they give: phone, VIN or name, from the call center's own copy. */
@Injectable()
export class LookupService {
  constructor(private readonly repository: LookupRepository) {}

  find(query: string, page: LookupPage): Promise<LookupHit[]> {
    return this.repository.find(classifySearchQuery(query), page);
  }

  /** Customers whose phone is exactly this number, for the screen pop. */
  byPhone(callerNumber: string, limit: number): Promise<LookupHit[]> {
    const probe = classifySearchQuery(callerNumber);
    if (probe.kind !== 'phone' || !probe.e164) return Promise.resolve([]);
    return this.repository
      .find(probe, { limit, offset: 0 })
      .then((hits) => hits.filter((h) => h.score === 3));
  }
}
