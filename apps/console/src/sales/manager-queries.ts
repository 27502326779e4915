import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { data, salesApi } from '../api/clients';
import type { ForecastAdjustment } from './sales-types';

const forecastsKey = (month: string) => ['sales', 'forecasts', month] as const;
const guidanceKey = (opportunityId: string) => ['sales', 'guidance', opportunityId] as const;

/** The caller and everyone below them in the sales tree. */
export function useSalesTeam(enabled = true) {
  return useQuery({
    queryKey: ['sales', 'team'],
    queryFn: () => data(salesApi.GET('/sales-team')),
    staleTime: 60_000,
    enabled,
  });
}

export function useQuotaProgress(month: string) {
  return useQuery({
    queryKey: ['sales', 'quotas', month],
    queryFn: () => data(salesApi.GET('/quotas', { params: { query: { month } } })),
  });
}

export function useForecasts(month: string) {
  return useQuery({
    queryKey: forecastsKey(month),
    queryFn: () => data(salesApi.GET('/forecasts', { params: { query: { month } } })),
  });
}

export function useAdjustForecast() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: ForecastAdjustment) => data(salesApi.POST('/forecasts/adjustments', { body })),
    onSuccess: (_adjustment, { month }) => queries.invalidateQueries({ queryKey: forecastsKey(month) }),
  });
}

export function useGuidance(opportunityId: string) {
  return useQuery({
    queryKey: guidanceKey(opportunityId),
    queryFn: () =>
      data(salesApi.GET('/opportunities/{id}/guidance', { params: { path: { id: opportunityId } } })),
  });
}

export function usePostGuidance(opportunityId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      data(
        salesApi.POST('/opportunities/{id}/guidance', {
          params: { path: { id: opportunityId } },
          body: { body },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: guidanceKey(opportunityId) }),
  });
}
