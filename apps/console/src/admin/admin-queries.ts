import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustomerMasterApi, IdentityApi } from '@crm/api-client/generated';
import { customerMasterApi, data, identityApi } from '../api/clients';

type Schemas = IdentityApi.components['schemas'];
export type User = Schemas['UserDto'];
export type NewUser = Schemas['CreateUserDto'];
export type RoleChange = Schemas['ChangeRolesDto'];
export type UserRole = User['roles'][number];
export type PartnerClient = Schemas['PartnerClientDto'];
export type NewPartnerClient = Schemas['CreatePartnerClientDto'];
export type SystemClient = Schemas['SystemClientDto'];
export type NewSystemClient = Schemas['CreateSystemClientDto'];
export type SystemRole = NewSystemClient['role'];
export type AuditEntry = Schemas['AuditEntryResponse'];
export type AuditAction = AuditEntry['action'];
export type Partner = CustomerMasterApi.components['schemas']['PartnerResponse'];
export type PartnerKind = Partner['kind'];
/** A client secret as the identity service hands it out: once. */
export type IssuedSecret = { clientId: string; clientSecret: string };

export type UserFilter = { search?: string; role?: UserRole; active?: boolean };
export type AuditFilter = {
  action?: AuditAction;
  actorId?: string;
  entityId?: string;
  from?: string;
  to?: string;
};

interface Page {
  limit: number;
  offset: number;
}

const paged = { placeholderData: keepPreviousData };

export function useUsers(page: Page, filter: UserFilter) {
  return useQuery({
    queryKey: ['admin', 'users', page, filter],
    queryFn: () => data(identityApi.GET('/users', { params: { query: { ...page, ...filter } } })),
    ...paged,
  });
}

export function usePartners(page: Page, kind: PartnerKind | undefined) {
  return useQuery({
    queryKey: ['admin', 'partners', page, kind],
    queryFn: () => data(customerMasterApi.GET('/partners', { params: { query: { ...page, kind } } })),
    ...paged,
  });
}

export function usePartnerClients(page: Page) {
  return useQuery({
    queryKey: ['admin', 'partner-clients', page],
    queryFn: () => data(identityApi.GET('/partner-clients', { params: { query: page } })),
    ...paged,
  });
}

export function useSystemClients(page: Page) {
  return useQuery({
    queryKey: ['admin', 'system-clients', page],
    queryFn: () => data(identityApi.GET('/system-clients', { params: { query: page } })),
    ...paged,
  });
}

export function useAuditLog(page: Page, filter: AuditFilter) {
  return useQuery({
    queryKey: ['admin', 'audit-log', page, filter],
    queryFn: () => data(identityApi.GET('/audit-log', { params: { query: { ...page, ...filter } } })),
    ...paged,
  });
}

/** A change that refreshes the lists it touches (and the audit log, which records every one). */
function useAdminChange<T, R>(
  list: 'users' | 'partner-clients' | 'system-clients',
  send: (input: T) => Promise<R>,
) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queries.invalidateQueries({ queryKey: ['admin', list] }),
        queries.invalidateQueries({ queryKey: ['admin', 'audit-log'] }),
      ]),
  });
}

export function useCreateUser() {
  return useAdminChange('users', (body: NewUser) => data(identityApi.POST('/users', { body })));
}

export function useChangeRoles() {
  return useAdminChange('users', ({ id, ...body }: RoleChange & { id: string }) =>
    data(identityApi.PUT('/users/{id}/roles', { params: { path: { id } }, body })),
  );
}

export function useSetUserActive() {
  return useAdminChange('users', ({ id, active }: { id: string; active: boolean }) =>
    data(
      identityApi.POST(active ? '/users/{id}/enable' : '/users/{id}/disable', { params: { path: { id } } }),
    ),
  );
}

export function useCreatePartnerClient() {
  return useAdminChange('partner-clients', (body: NewPartnerClient) =>
    data(identityApi.POST('/partner-clients', { body })),
  );
}

export function useSetPartnerClientActive() {
  return useAdminChange('partner-clients', ({ clientId, active }: { clientId: string; active: boolean }) =>
    data(
      identityApi.POST(
        active ? '/partner-clients/{clientId}/enable' : '/partner-clients/{clientId}/disable',
        {
          params: { path: { clientId } },
        },
      ),
    ),
  );
}

export function useRotateSecret() {
  return useAdminChange('partner-clients', (clientId: string) =>
    data(identityApi.POST('/partner-clients/{clientId}/secret', { params: { path: { clientId } } })),
  );
}

export function useCreateSystemClient() {
  return useAdminChange('system-clients', (body: NewSystemClient) =>
    data(identityApi.POST('/system-clients', { body })),
  );
}

export function useSetSystemClientActive() {
  return useAdminChange('system-clients', ({ clientId, active }: { clientId: string; active: boolean }) =>
    data(
      identityApi.POST(active ? '/system-clients/{clientId}/enable' : '/system-clients/{clientId}/disable', {
        params: { path: { clientId } },
      }),
    ),
  );
}

export function useRotateSystemSecret() {
  return useAdminChange('system-clients', (clientId: string) =>
    data(identityApi.POST('/system-clients/{clientId}/secret', { params: { path: { clientId } } })),
  );
}

/** Partners of a kind to choose from (the first hundred: the demo and most rollouts have fewer). */
export function usePartnerChoices(kind: PartnerKind | undefined) {
  return useQuery({
    queryKey: ['admin', 'partner-choices', kind],
    queryFn: () => data(customerMasterApi.GET('/partners', { params: { query: { kind, limit: 100 } } })),
    enabled: kind !== undefined,
  });
}
