import { Inject, Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '@crm/core';
import { csvLine } from '@crm/http';
import { freshnessView } from '../service-kpis/report-window';
import { CustomerValueFilter, CustomerValueListQuery } from './dto/customer-value.query';
import {
  CustomerValueCard,
  CustomerValuePage,
  CustomerValueSummary,
  CustomerValueView,
  ValueReportBasis,
} from './dto/customer-value.response';
import { CUSTOMER_VALUE_SETTINGS, CustomerValueSettings } from './customer-value-settings';
import { CustomerValueRepository, ValueFilter } from './customer-value.repository';

const DAY_MS = 86_400_000;
const WINDOW_BASIS = 'purchases (orders and paid repairs) in [from, to); to is when the values were computed';
const MEASURE = 'revenue (no cost is known, so no margin)';
const CSV_BATCH = 500;
const CSV_COLUMNS: Array<keyof CustomerValueView> = [
  'customerId',
  'tier',
  'tierSince',
  'segment',
  'recencyScore',
  'frequencyScore',
  'monetaryScore',
  'purchases',
  'value',
  'lifetimeRevenue',
  'averageOrderValue',
  'firstPurchaseAt',
  'lastPurchaseAt',
  'potentialValue',
  'churnRatio',
  'churnRisk',
  'clv',
  'province',
  'city',
  'ageBand',
];

/** The customer-value reports; each states the value window and how fresh the projections and values are. */
@Injectable()
export class CustomerValueService {
  constructor(
    private readonly values: CustomerValueRepository,
    private readonly clock: Clock,
    @Inject(CUSTOMER_VALUE_SETTINGS) private readonly settings: CustomerValueSettings,
  ) {}

  /** Every customer's figures, or (with a dealer) those of the customers it sold to, tiers still platform-wide. */
  async summary(dealerId: string | null = null): Promise<CustomerValueSummary> {
    const [basis, distribution, tiers, segments, pareto] = await Promise.all([
      this.basis(),
      this.values.distribution(dealerId),
      this.values.tiers(dealerId),
      this.values.segments(dealerId),
      this.values.pareto(dealerId),
    ]);
    return { ...basis, distribution, tiers, segments, pareto };
  }

  async card(customerId: string, dealerId: string | null = null): Promise<CustomerValueCard> {
    const [basis, customer] = await Promise.all([this.basis(), this.values.card(customerId, dealerId)]);
    if (!customer) throw new NotFoundError('customer value', customerId);
    return { ...basis, customer };
  }

  async page(query: CustomerValueListQuery, dealerId: string | null = null): Promise<CustomerValuePage> {
    const filter = { tier: query.tier, segment: query.segment, dealerId: dealerId ?? undefined };
    const [basis, found] = await Promise.all([
      this.basis(),
      this.values.page(filter, query.limit, query.offset),
    ]);
    return { ...basis, limit: query.limit, offset: query.offset, ...found };
  }

  /** Read in keyset batches, so memory stays flat however many customers there are. */
  async *csv(query: CustomerValueFilter, dealerId: string | null = null): AsyncGenerator<string> {
    const filter: ValueFilter = { tier: query.tier, segment: query.segment, dealerId: dealerId ?? undefined };
    yield csvLine(CSV_COLUMNS);
    for (let batch = await this.values.after(filter, null, CSV_BATCH); batch.length > 0;) {
      yield batch.map((row) => csvLine(CSV_COLUMNS.map((column) => row[column]))).join('');
      if (batch.length < CSV_BATCH) return;
      const last = batch[batch.length - 1];
      batch = await this.values.after(filter, { value: last.value, customerId: last.customerId }, CSV_BATCH);
    }
  }

  private async basis(): Promise<ValueReportBasis> {
    const now = this.clock.now();
    const [computed, newest] = await Promise.all([this.values.computed(), this.values.newestEventAt()]);
    const to = computed?.computedAt ?? now;
    const from = computed?.windowFrom ?? new Date(now.getTime() - this.settings.windowDays * DAY_MS);
    return {
      window: { from: from.toISOString(), to: to.toISOString(), basis: WINDOW_BASIS },
      freshness: { ...freshnessView(now, newest), computedAt: computed?.computedAt.toISOString() ?? null },
      currency: this.settings.currency,
      measure: MEASURE,
    };
  }
}
