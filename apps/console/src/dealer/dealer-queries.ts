import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CustomerMasterApi, SalesApi, ServiceApi } from '@crm/api-client/generated';
import { customerMasterApi, data, salesApi, serviceApi } from '../api/clients';

export type SoldVehicle = CustomerMasterApi.components['schemas']['VehicleResponse'];
export type DealerCustomer = CustomerMasterApi.components['schemas']['CustomerResponse'];
export type DealerTicket = ServiceApi.components['schemas']['DealerTicketRowResponse'];
export type DealerTicketDetails = ServiceApi.components['schemas']['DealerTicketResponse'];
export type DealerLead = SalesApi.components['schemas']['LeadView'];
export type LeadFilter = { status?: DealerLead['status']; source?: DealerLead['source'] };

interface Page {
  limit: number;
  offset: number;
}

/** Every list keeps showing its rows while the next page loads. */
const paged = { placeholderData: keepPreviousData };

export function useSoldVehicles(page: Page, search: string | undefined) {
  return useQuery({
    queryKey: ['dealer', 'vehicles', page, search],
    queryFn: () =>
      data(customerMasterApi.GET('/dealer/vehicles', { params: { query: { ...page, search } } })),
    ...paged,
  });
}

/** The customers linked to the caller (the customer master answers a dealer with only its own). */
export function useDealerCustomers(page: Page) {
  return useQuery({
    queryKey: ['dealer', 'customers', page],
    queryFn: () => data(customerMasterApi.GET('/customers', { params: { query: page } })),
    ...paged,
  });
}

export function useDealerCustomer(customerId: string) {
  return useQuery({
    queryKey: ['dealer', 'customer', customerId],
    queryFn: async () => {
      const path = { id: customerId };
      const [customer, vehicles] = await Promise.all([
        data(customerMasterApi.GET('/customers/{id}', { params: { path } })),
        data(customerMasterApi.GET('/customers/{id}/vehicles', { params: { path } })),
      ]);
      return { customer, vehicles: vehicles.items };
    },
  });
}

export function useDealerTickets(page: Page) {
  return useQuery({
    queryKey: ['dealer', 'tickets', page],
    queryFn: () => data(serviceApi.GET('/dealer/tickets', { params: { query: page } })),
    ...paged,
  });
}

export function useDealerTicket(ticketId: string) {
  return useQuery({
    queryKey: ['dealer', 'ticket', ticketId],
    queryFn: () => data(serviceApi.GET('/dealer/tickets/{id}', { params: { path: { id: ticketId } } })),
  });
}

export function useDealerLeads(page: Page, filter: LeadFilter) {
  return useQuery({
    queryKey: ['dealer', 'leads', page, filter],
    queryFn: () => data(salesApi.GET('/leads', { params: { query: { ...page, ...filter } } })),
    ...paged,
  });
}
