import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AnalyticsApi } from '@crm/api-client/generated';
import { analyticsApi, data } from '../api/clients';
import { lastDays } from './report/format';

type Schemas = AnalyticsApi.components['schemas'];
type QueryOf<Operation extends keyof AnalyticsApi.operations> = NonNullable<
  AnalyticsApi.operations[Operation]['parameters']['query']
>;

export type ComplaintRateCell = Schemas['ComplaintRateCell'];
export type QualityAlert = Schemas['QualityAlertView'];
export type TicketFact = Schemas['TicketFactView'];
export type QualityType = QueryOf<'QualityController_tickets'>['qualityType'];
/** A cell of the heat map; the rates carry its quality type as a plain string. */
export type QualityCell = { model: string; qualityType: string; month: string };
export type CustomerValue = Schemas['CustomerValueView'];
export type Tier = CustomerValue['tier'];
export type SalesGrouping = NonNullable<QueryOf<'SalesPerformanceController_performance'>['by']>;
export type SalesRow = Schemas['SalesPerformanceRow'];
export type PipelineStage = Schemas['PipelineStage'];
export type StationScorecard = Schemas['StationScorecard'];
export type MarketQuery = Pick<QueryOf<'MarketController_market'>, 'metric' | 'dimension'>;
export type MarketSeries = Schemas['MarketSeries'];
export type SevenP = AnalyticsApi.operations['SevenPsController_report']['parameters']['path']['p'];
export type SevenPsGrouping = NonNullable<QueryOf<'SevenPsController_report'>['by']>;
export type SevenPsRow = Schemas['SevenPsReport']['items'][number];

type ExportPath = Extract<keyof AnalyticsApi.paths, `${string}/export`>;
type ExportQuery<P extends ExportPath> = NonNullable<AnalyticsApi.paths[P]['get']['parameters']['query']>;

/**
 * Where a table's whole report downloads as CSV, every row and not only the page on screen: the analytics API
 * streams it (with the BOM and defused formulas), the session cookie authenticates the link.
 */
export function exportHref<P extends ExportPath>(path: P, query: ExportQuery<P>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, unknown>))
    if (value !== undefined && value !== null) params.set(key, String(value));
  return `${path}?${params}`;
}

/** The largest page the analytics routes serve. */
const PAGE = 100;

export function useComplaintRates(month: string) {
  return useQuery({
    queryKey: ['analytics', 'complaint-rates', month],
    queryFn: () =>
      data(
        analyticsApi.GET('/analytics/quality/complaint-rates', {
          params: { query: { from: month, to: month, limit: PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useQualityAlerts() {
  return useQuery({
    queryKey: ['analytics', 'quality-alerts'],
    queryFn: () =>
      data(analyticsApi.GET('/analytics/quality/alerts', { params: { query: { limit: PAGE } } })),
  });
}

export function useCellTickets(cell: QualityCell | null) {
  return useQuery({
    queryKey: ['analytics', 'cell-tickets', cell?.model, cell?.qualityType, cell?.month],
    queryFn: () =>
      data(
        analyticsApi.GET('/analytics/quality/complaint-rates/tickets', {
          params: {
            query: {
              model: cell!.model,
              qualityType: cell!.qualityType as QualityType,
              month: cell!.month,
              limit: PAGE,
            },
          },
        }),
      ),
    enabled: cell !== null,
  });
}

export function useCustomerValueSummary() {
  return useQuery({
    queryKey: ['analytics', 'customer-value-summary'],
    queryFn: () => data(analyticsApi.GET('/analytics/customer-value/summary')),
  });
}

/** The most valuable customers (one page), of one tier if given. */
export function useTopCustomers(tier: Tier | null) {
  return useQuery({
    queryKey: ['analytics', 'top-customers', tier],
    queryFn: () =>
      data(
        analyticsApi.GET('/analytics/customer-value/customers', {
          params: { query: { limit: PAGE, ...(tier ? { tier } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Rows by rep, team or dealer; under a manager only the people or teams below them. */
export function useSalesPerformance(by: SalesGrouping, days: number, managerId?: string) {
  return useQuery({
    queryKey: ['analytics', 'sales-performance', by, days, managerId],
    queryFn: () =>
      data(
        analyticsApi.GET('/analytics/sales/performance', {
          params: { query: { by, ...lastDays(days), ...(managerId ? { managerId } : {}), limit: PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useServiceKpis(days: number) {
  return useQuery({
    queryKey: ['analytics', 'service-kpis', days],
    queryFn: () => data(analyticsApi.GET('/analytics/service/kpis', { params: { query: lastDays(days) } })),
    placeholderData: keepPreviousData,
  });
}

export function useStationScorecards(days: number) {
  return useQuery({
    queryKey: ['analytics', 'station-scorecards', days],
    queryFn: () =>
      data(
        analyticsApi.GET('/analytics/service/scorecards', {
          params: { query: { ...lastDays(days), limit: PAGE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMarket(query: MarketQuery) {
  return useQuery({
    queryKey: ['analytics', 'market', query],
    queryFn: () =>
      data(analyticsApi.GET('/analytics/market', { params: { query: { ...query, limit: PAGE } } })),
    placeholderData: keepPreviousData,
  });
}

export function useSevenPs(p: SevenP, by: SevenPsGrouping | undefined) {
  return useQuery({
    queryKey: ['analytics', 'seven-ps', p, by],
    queryFn: () =>
      data(
        analyticsApi.GET('/analytics/seven-ps/{p}', {
          params: { path: { p }, query: { limit: PAGE, ...(by ? { by } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
