import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { IdentityApi } from '@crm/api-client/generated';
import { ApiError, CSRF_HEADER, data, identityApi } from './clients';

export type Principal = IdentityApi.components['schemas']['PrincipalDto'];
export type Role = Principal['roles'][number];

const SESSION_KEY = ['session'] as const;
// Also sent by every client; the session routes declare it, so their types ask for it.
const csrf = { header: { [CSRF_HEADER]: '1' } };

/** Who is signed in (GET /auth/me by the cookie); null when nobody is. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<Principal | null> => {
      try {
        return await data(identityApi.GET('/auth/me'));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

export function useSessionActions() {
  const queries = useQueryClient();
  return {
    signIn: async (username: string, password: string): Promise<Principal> => {
      const session = await data(
        identityApi.POST('/auth/session', { params: csrf, body: { username, password } }),
      );
      queries.setQueryData(SESSION_KEY, session.principal);
      return session.principal;
    },
    signOut: async (): Promise<void> => {
      await data(identityApi.DELETE('/auth/session', { params: csrf }));
      // Signed out first, then the rest dropped: nothing refetches on the way out.
      queries.setQueryData(SESSION_KEY, null);
      queries.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    },
    forget: () => queries.setQueryData(SESSION_KEY, null),
  };
}
