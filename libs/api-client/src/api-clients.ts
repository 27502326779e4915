import createClient, { Client, ClientOptions } from 'openapi-fetch';
import type { ApiPaths } from './generated';

/** Options that send a bearer token on every call. */
export function withBearer(baseUrl: string, token: string, options: ClientOptions = {}): ClientOptions {
  return { ...options, baseUrl, headers: { ...options.headers, Authorization: `Bearer ${token}` } };
}

/** A typed client for any app by its folder name under apps/ (a new app needs only `npm run api:generate`). */
export function createApiClient<A extends keyof ApiPaths>(
  _app: A,
  options: ClientOptions,
): Client<ApiPaths[A]> {
  return createClient<ApiPaths[A]>(options);
}
