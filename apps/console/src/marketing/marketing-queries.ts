import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignsApi } from '@crm/api-client/generated';
import { campaignsApi, data } from '../api/clients';
import type { SegmentRule } from './segment-rule';

type Schemas = CampaignsApi.components['schemas'];
export type Segment = Schemas['SegmentView'];
export type SegmentMember = Schemas['SegmentMemberView'];
export type Campaign = Schemas['CampaignView'];
export type NewCampaign = Schemas['CreateCampaignDto'];
export type CampaignProgress = Schemas['CampaignProgressView'];
export type CampaignResults = Schemas['CampaignResultsView'];
export type PropensityModel = Schemas['PropensityModelView'];
export type Objective = Campaign['objective'];
export type Channel = Campaign['channel'];
export type CampaignStatus = Campaign['status'];
export type HolidayKey = Schemas['HolidayView']['key'];

export const OBJECTIVES: Objective[] = [
  'service-reminder',
  'new-model-launch',
  'accessories',
  'retention',
  'event-invitation',
];
/** While these, the campaign's counts still move. */
export const IN_FLIGHT: CampaignStatus[] = ['scheduled', 'sending'];

export function useSegments() {
  return useQuery({
    queryKey: ['segments'],
    queryFn: () => data(campaignsApi.GET('/segments', { params: { query: { limit: 100 } } })),
  });
}

/** Creates the segment the first time, then renames and re-rules the version last saved (the builder's Save). */
export function useSaveSegment() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ saved, name, rule }: { saved: Segment | null; name: string; rule: SegmentRule }) =>
      saved
        ? data(
            campaignsApi.PATCH('/segments/{id}', {
              params: { path: { id: saved.id } },
              body: { version: saved.version, name, rule },
            }),
          )
        : data(campaignsApi.POST('/segments', { body: { name, rule } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['segments'] }),
  });
}

/** A rule not saved, counted with its first members (the builder's live count; the caller debounces it). */
export function useRuleEvaluation(rule: SegmentRule | null, limit = 10) {
  return useQuery({
    queryKey: ['segment-evaluation', rule, limit],
    queryFn: () =>
      data(campaignsApi.POST('/segments/evaluate', { params: { query: { limit } }, body: { rule: rule! } })),
    enabled: rule !== null,
    placeholderData: (previous) => previous,
    retry: false,
  });
}

export function useSegmentPreview(segmentId: string | undefined, version?: number, limit = 10) {
  return useQuery({
    queryKey: ['segment-preview', segmentId, version, limit],
    queryFn: () =>
      data(
        campaignsApi.GET('/segments/{id}/preview', {
          params: { path: { id: segmentId! }, query: { limit } },
        }),
      ),
    enabled: segmentId !== undefined,
    placeholderData: (previous) => previous,
  });
}

export function useCampaigns() {
  return useQuery({
    queryKey: ['campaigns'],
    queryFn: () => data(campaignsApi.GET('/campaigns', { params: { query: { limit: 100 } } })),
  });
}

export function useCampaign(id: string) {
  return useQuery({
    queryKey: ['campaign', id],
    queryFn: () => data(campaignsApi.GET('/campaigns/{id}', { params: { path: { id } } })),
  });
}

export function useHolidays(year: number) {
  return useQuery({
    queryKey: ['holidays', year],
    queryFn: () => data(campaignsApi.GET('/campaigns/holidays', { params: { query: { year } } })),
    staleTime: Infinity,
  });
}

/** Creates the campaign and schedules it at once: now, at `sendAt`, or its repeats from now on. */
export function useLaunchCampaign() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async ({ campaign, sendAt }: { campaign: NewCampaign; sendAt?: string }) => {
      const created = await data(campaignsApi.POST('/campaigns', { body: campaign }));
      return data(
        campaignsApi.POST('/campaigns/{id}/schedule', {
          params: { path: { id: created.id } },
          body: sendAt ? { sendAt } : {},
        }),
      );
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

/** Polled while the campaign is still sending. */
export function useCampaignProgress(id: string) {
  return useQuery({
    queryKey: ['campaign-progress', id],
    queryFn: () => data(campaignsApi.GET('/campaigns/{id}/progress', { params: { path: { id } } })),
    refetchInterval: (query) => (IN_FLIGHT.includes(query.state.data?.status ?? 'scheduled') ? 2000 : false),
  });
}

/** Refreshed with each progress poll: responses keep arriving after the send. */
export function useCampaignResults(id: string, progressAt: number) {
  return useQuery({
    queryKey: ['campaign-results', id, progressAt],
    queryFn: () => data(campaignsApi.GET('/campaigns/{id}/results', { params: { path: { id } } })),
    placeholderData: (previous) => previous,
  });
}

export function useCancelCampaign(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => data(campaignsApi.POST('/campaigns/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['campaign-progress', id] }),
  });
}

export function usePropensityModel(objective: Objective) {
  return useQuery({
    queryKey: ['propensity-model', objective],
    queryFn: () =>
      data(campaignsApi.GET('/campaign-models/{objective}', { params: { path: { objective } } })),
  });
}

export function useTrainModel(objective: Objective) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () =>
      data(campaignsApi.POST('/campaign-models/{objective}/train', { params: { path: { objective } } })),
    onSuccess: (model) => queries.setQueryData(['propensity-model', objective], model),
  });
}
