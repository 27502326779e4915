import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { data, salesApi } from '../api/clients';
import type { NewActivity } from './sales-types';

const LEADS_KEY = ['sales', 'leads'] as const;
const ACTIVITIES_KEY = ['sales', 'activities'] as const;

/** The caller's leads and those below them; a dealer's salespeople get their dealer's. */
export function useLeads() {
  return useQuery({
    queryKey: LEADS_KEY,
    queryFn: () => data(salesApi.GET('/leads', { params: { query: { limit: 100 } } })),
  });
}

export function useConvertLead() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      data(salesApi.POST('/leads/{id}/convert', { params: { path: { id } }, body: {} })),
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: LEADS_KEY }),
        queries.invalidateQueries({ queryKey: ['sales', 'opportunities'] }),
      ]),
  });
}

export function useActivities() {
  return useQuery({
    queryKey: ACTIVITIES_KEY,
    queryFn: () => data(salesApi.GET('/activities', { params: { query: { limit: 100 } } })),
  });
}

export function useLogActivity() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: NewActivity) => data(salesApi.POST('/activities', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ACTIVITIES_KEY }),
  });
}
