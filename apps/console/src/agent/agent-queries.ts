import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CallCenterApi, CampaignsApi, ServiceApi } from '@crm/api-client/generated';
import { callCenterApi, campaignsApi, data, serviceApi } from '../api/clients';

export type LookupHit = CallCenterApi.components['schemas']['LookupHitDto'];
export type Customer360 = CallCenterApi.components['schemas']['Customer360Response'];
export type ScreenPop = CallCenterApi.components['schemas']['ScreenPopResponse'];
export type NewComplaint = CallCenterApi.components['schemas']['RecordComplaintDto'];
export type NewInteraction = CallCenterApi.components['schemas']['RecordInteractionDto'];
export type Satisfaction = ServiceApi.components['schemas']['SatisfactionDto'];
export type QualityType = NewComplaint['qualityType'];
export type CustomerCampaign = CampaignsApi.components['schemas']['CustomerCampaignView'];
/** The agent's record of the customer's answer to a campaign, taken during the call. */
export type CampaignResponse = Pick<NewInteraction, 'direction' | 'outcome' | 'notes'> & {
  campaign: CustomerCampaign;
};

export const customer360Key = (customerId: string) => ['customer-360', customerId] as const;
const customerCampaignsKey = (customerId: string) => ['customer-campaigns', customerId] as const;

export function useLookup(query: string) {
  return useQuery({
    queryKey: ['lookup', query],
    queryFn: () => data(callCenterApi.GET('/lookup', { params: { query: { q: query, limit: 20 } } })),
    enabled: query.length > 0,
    placeholderData: (previous) => previous,
  });
}

/** The 360; polls while a ticket just filed has not reached the call center's copy yet. */
export function useCustomer360(customerId: string, awaitingTicket: string | null) {
  return useQuery({
    queryKey: customer360Key(customerId),
    queryFn: () => data(callCenterApi.GET('/customers/{id}/360', { params: { path: { id: customerId } } })),
    refetchInterval: (query) =>
      awaitingTicket && !query.state.data?.tickets.some((ticket) => ticket.ticketId === awaitingTicket)
        ? 1000
        : false,
  });
}

/** The campaigns that reached the customer; polls while an answer just recorded has not reached campaigns yet. */
export function useCustomerCampaigns(customerId: string, awaitingReplyTo: string | null) {
  return useQuery({
    queryKey: customerCampaignsKey(customerId),
    queryFn: () =>
      data(campaignsApi.GET('/customers/{id}/campaigns', { params: { path: { id: customerId } } })),
    refetchInterval: (query) =>
      awaitingReplyTo &&
      !query.state.data?.some((campaign) => campaign.campaignId === awaitingReplyTo && campaign.reply)
        ? 1000
        : false,
  });
}

export function useQualityTypeSuggestions(description: string) {
  return useQuery({
    queryKey: ['quality-type-suggestions', description],
    queryFn: () => data(serviceApi.POST('/quality-types/suggest', { body: { description } })),
    enabled: description.trim().length > 1,
    placeholderData: (previous) => previous,
  });
}

function useCustomerMutation<T, R>(customerId: string, send: (body: T) => Promise<R>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queries.invalidateQueries({ queryKey: customer360Key(customerId) }),
  });
}

export function useFileComplaint(customerId: string) {
  return useCustomerMutation(customerId, (body: NewComplaint) =>
    data(callCenterApi.POST('/customers/{id}/complaints', { params: { path: { id: customerId } }, body })),
  );
}

export function useLogInteraction(customerId: string) {
  return useCustomerMutation(customerId, (body: NewInteraction) =>
    data(callCenterApi.POST('/customers/{id}/interactions', { params: { path: { id: customerId } }, body })),
  );
}

/** An interaction tagged with the campaign: campaigns counts it as the customer's reply (its outcome the answer). */
export function useRecordCampaignResponse(
  customerId: string,
  subject: (campaign: CustomerCampaign) => string,
) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ campaign, ...answer }: CampaignResponse) =>
      data(
        callCenterApi.POST('/customers/{id}/interactions', {
          params: { path: { id: customerId } },
          body: {
            ...answer,
            channel: 'phone',
            subject: subject(campaign),
            campaignId: campaign.campaignId,
          },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: customer360Key(customerId) }),
        queries.invalidateQueries({ queryKey: customerCampaignsKey(customerId) }),
      ]),
  });
}

export function useRecordSatisfaction(customerId: string) {
  return useCustomerMutation(customerId, ({ ticketId, ...body }: Satisfaction & { ticketId: string }) =>
    data(serviceApi.POST('/tickets/{id}/satisfaction', { params: { path: { id: ticketId } }, body })),
  );
}
