import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustomerMasterApi, ServiceApi } from '@crm/api-client/generated';
import { customerMasterApi, data, serviceApi } from '../api/clients';

type Schemas = ServiceApi.components['schemas'];
export type StationTicket = Schemas['TicketResponse'];
export type RepairRecord = Schemas['ResolveTicketDto'];
export type WebhookDelivery = Schemas['WebhookDeliveryResponse'];
export type WebhookRegistration = Schemas['WebhookRegistrationResponse'];
export type TicketCustomer = CustomerMasterApi.components['schemas']['CustomerResponse'];

const QUEUE_KEY = ['station', 'tickets'] as const;
const ticketKey = (ticketId: string) => [...QUEUE_KEY, ticketId] as const;
const stationKey = (stationId: string) => ['station', 'profile', stationId] as const;

/** The calling station's queue (the service app shows a station only the tickets assigned to it). */
export function useStationQueue() {
  return useQuery({
    queryKey: QUEUE_KEY,
    queryFn: () => data(serviceApi.GET('/station/tickets', { params: { query: { limit: 100 } } })),
  });
}

export function useStationTicket(ticketId: string) {
  return useQuery({
    queryKey: ticketKey(ticketId),
    queryFn: () => data(serviceApi.GET('/station/tickets/{id}', { params: { path: { id: ticketId } } })),
  });
}

/** Its steps and who did each, by name; refreshed with the ticket after each of the station's steps. */
export function useStationTicketTimeline(ticketId: string) {
  return useQuery({
    queryKey: [...ticketKey(ticketId), 'timeline'],
    queryFn: () =>
      data(serviceApi.GET('/station/tickets/{id}/timeline', { params: { path: { id: ticketId } } })),
  });
}

/** The ticket's customer as far as the customer master shares them with this station: a 403/404 means not at all. */
export function useTicketCustomer(customerId: string | undefined) {
  return useQuery({
    queryKey: ['station', 'customer', customerId],
    queryFn: () =>
      data(customerMasterApi.GET('/customers/{id}', { params: { path: { id: customerId as string } } })),
    enabled: Boolean(customerId),
  });
}

/** One step of the station's work on a ticket; the answer is the ticket as it now stands. */
function useTicketStep<T>(ticketId: string, send: (body: T) => Promise<StationTicket>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (ticket) => {
      queries.setQueryData(ticketKey(ticketId), ticket);
      return Promise.all([
        queries.invalidateQueries({ queryKey: QUEUE_KEY, exact: true }),
        queries.invalidateQueries({ queryKey: [...ticketKey(ticketId), 'timeline'] }),
      ]);
    },
  });
}

const onTicket = (ticketId: string) => ({ params: { path: { id: ticketId } } });

export function useStationActions(ticketId: string) {
  return {
    accept: useTicketStep(ticketId, () =>
      data(serviceApi.POST('/station/tickets/{id}/accept', onTicket(ticketId))),
    ),
    decline: useTicketStep(ticketId, (reason: string) =>
      data(serviceApi.POST('/station/tickets/{id}/decline', { ...onTicket(ticketId), body: { reason } })),
    ),
    appointment: useTicketStep(ticketId, (at: string) =>
      data(serviceApi.POST('/station/tickets/{id}/appointment', { ...onTicket(ticketId), body: { at } })),
    ),
    progress: useTicketStep(ticketId, (note: string) =>
      data(serviceApi.POST('/station/tickets/{id}/progress', { ...onTicket(ticketId), body: { note } })),
    ),
    resolve: useTicketStep(ticketId, (body: RepairRecord) =>
      data(serviceApi.POST('/station/tickets/{id}/resolve', { ...onTicket(ticketId), body })),
    ),
  };
}

export function useStationProfile(stationId: string) {
  return useQuery({
    queryKey: stationKey(stationId),
    queryFn: () => data(serviceApi.GET('/stations/{id}', { params: { path: { id: stationId } } })),
  });
}

/** Registers the URL; registering it again rotates the signing secret (shown once, in the answer). */
export function useRegisterWebhook(stationId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (url: string) =>
      data(serviceApi.PUT('/stations/{id}/webhook', { params: { path: { id: stationId } }, body: { url } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: stationKey(stationId) }),
  });
}

export function useWebhookDeliveries() {
  return useQuery({
    queryKey: ['station', 'webhook-deliveries'],
    queryFn: () => data(serviceApi.GET('/station/webhook-deliveries', { params: { query: { limit: 50 } } })),
  });
}

export type OpenSurvey = Schemas['OpenSurveyResponse'];
export type SurveyAnswer = Schemas['SatisfactionDto'];

/** The public survey behind a link's token; 404, 409 and 410 say unknown, used and expired. */
export function useSurvey(token: string) {
  return useQuery({
    queryKey: ['survey', token],
    queryFn: () => data(serviceApi.GET('/survey/{token}', { params: { path: { token } } })),
  });
}

export function useAnswerSurvey(token: string) {
  return useMutation({
    mutationFn: (body: SurveyAnswer) =>
      data(serviceApi.POST('/survey/{token}', { params: { path: { token } }, body })),
  });
}
