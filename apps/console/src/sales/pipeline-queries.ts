import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { data, salesApi } from '../api/clients';

const OPPORTUNITIES_KEY = ['sales', 'opportunities'] as const;
const opportunityKey = (id: string) => ['sales', 'opportunity', id] as const;

export function usePipelines() {
  return useQuery({
    queryKey: ['sales', 'pipelines'],
    queryFn: () => data(salesApi.GET('/pipelines')),
    staleTime: Infinity,
  });
}

/** The caller's pipeline (theirs and everyone's below them), open and recently closed. */
export function useOpportunities() {
  return useQuery({
    queryKey: OPPORTUNITIES_KEY,
    queryFn: () => data(salesApi.GET('/opportunities', { params: { query: { limit: 100 } } })),
  });
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: opportunityKey(id),
    queryFn: () => data(salesApi.GET('/opportunities/{id}', { params: { path: { id } } })),
  });
}

/** Moves, wins and loses: the API applies the stage rules and answers a refusal as problem+json. */
export function useStageChange() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, stage, reason }: { id: string; stage: string; reason?: string }) => {
      const params = { path: { id } };
      if (stage === 'won')
        return data(salesApi.POST('/opportunities/{id}/win', { params, body: { reason: reason ?? '' } }));
      if (stage === 'lost')
        return data(salesApi.POST('/opportunities/{id}/lose', { params, body: { reason: reason ?? '' } }));
      return data(salesApi.POST('/opportunities/{id}/stage', { params, body: { stage } }));
    },
    onSettled: (_result, _error, { id }) =>
      Promise.all([
        queries.invalidateQueries({ queryKey: OPPORTUNITIES_KEY }),
        queries.invalidateQueries({ queryKey: opportunityKey(id) }),
      ]),
  });
}
