import { Injectable } from '@nestjs/common';
import { CustomerSearchHit } from './customer-search-hit';
import { CustomerSearchRepository, SearchPage } from './customer-search.repository';
import { classifySearchQuery } from '@crm/search-keys';

/** Finds active customers by whatever a caller gives: phone, VIN or name. */
@Injectable()
export class CustomerSearchService {
  constructor(private readonly repository: CustomerSearchRepository) {}

  search(query: string, page: SearchPage): Promise<CustomerSearchHit[]> {
    return this.repository.search(classifySearchQuery(query), page);
  }
}
