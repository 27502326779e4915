import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServiceApi } from '@crm/api-client/generated';
import { data, serviceApi } from '../api/clients';

type Schemas = ServiceApi.components['schemas'];
export type BoardTicket = Schemas['BoardTicketResponse'];
export type BoardTicketAt = Schemas['BoardTicketAtResponse'];
export type BoardPage = Schemas['BoardPageResponse'];
export type SlaClock = Schemas['SlaClockResponse'];
export type MapStation = Schemas['StationMapEntryResponse'];
export type TicketDetails = Schemas['TicketDetailsResponse'];
export type RoutingDecision = Schemas['RoutingDecisionResponse'];
export type Candidate = Schemas['StationCandidateResponse'];
export type TimelineStep = Schemas['TimelineStepResponse'];
export type BoardFilter = NonNullable<
  ServiceApi.operations['BoardController_tickets']['parameters']['query']
>;
export type TicketStatus = BoardTicket['status'];

/** The board refreshes itself: SLA clocks run and stations act while the manager watches. */
const LIVE = 30_000;
export const PAGE_SIZE = 20;

export function useBoard(filter: BoardFilter) {
  return useQuery({
    queryKey: ['board', 'tickets', filter],
    queryFn: () => data(serviceApi.GET('/board/tickets', { params: { query: filter } })),
    refetchInterval: LIVE,
    placeholderData: keepPreviousData,
  });
}

export function useEscalations(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['board', 'escalations', page],
    queryFn: () => data(serviceApi.GET('/board/escalations', { params: { query: page } })),
    refetchInterval: LIVE,
    placeholderData: keepPreviousData,
  });
}

export function useStationMap() {
  return useQuery({
    queryKey: ['board', 'stations'],
    queryFn: () => data(serviceApi.GET('/board/stations', { params: { query: { limit: 2000 } } })),
    refetchInterval: LIVE,
  });
}

export function useTicketDetails(ticketId: string) {
  return useQuery({
    queryKey: ['ticket', ticketId],
    queryFn: () => data(serviceApi.GET('/tickets/{id}', { params: { path: { id: ticketId } } })),
    refetchInterval: LIVE,
  });
}

/** The ticket as the board shows it: the customer's name and both SLA clocks. */
export function useBoardTicket(ticketId: string) {
  return useQuery({
    queryKey: ['board', 'ticket', ticketId],
    queryFn: () => data(serviceApi.GET('/board/tickets/{id}', { params: { path: { id: ticketId } } })),
    refetchInterval: LIVE,
  });
}

export function useTicketTimeline(ticketId: string) {
  return useQuery({
    queryKey: ['ticket', ticketId, 'timeline'],
    queryFn: () => data(serviceApi.GET('/tickets/{id}/timeline', { params: { path: { id: ticketId } } })),
    refetchInterval: LIVE,
  });
}

export function useReroute(ticketId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { stationId: string; reason: string }) =>
      data(serviceApi.POST('/tickets/{id}/reroute', { params: { path: { id: ticketId } }, body })),
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: ['ticket', ticketId] }),
        queries.invalidateQueries({ queryKey: ['board'] }),
      ]),
  });
}
