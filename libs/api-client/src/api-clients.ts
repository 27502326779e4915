import createClient, { Client, ClientOptions } from 'openapi-fetch';
import type { paths as CallCenterPaths } from './generated/call-center';
import type { paths as CustomerMasterPaths } from './generated/customer-master';
import type { paths as IdentityPaths } from './generated/identity';
import type { ApiPaths } from './generated';
import type { paths as SalesPaths } from './generated/sales';
import type { paths as ServicePaths } from './generated/service';

export type { ApiPaths, CallCenterPaths, CustomerMasterPaths, IdentityPaths, SalesPaths, ServicePaths };

export type CallCenterClient = Client<CallCenterPaths>;
export type CustomerMasterClient = Client<CustomerMasterPaths>;
export type IdentityClient = Client<IdentityPaths>;
export type SalesClient = Client<SalesPaths>;
export type ServiceClient = Client<ServicePaths>;

/** One typed client per app, from its OpenAPI document: `baseUrl` is where the app (or the all-in-one) listens. */
export const createCallCenterClient = (options: ClientOptions): CallCenterClient =>
  createClient<CallCenterPaths>(options);
export const createCustomerMasterClient = (options: ClientOptions): CustomerMasterClient =>
  createClient<CustomerMasterPaths>(options);
export const createIdentityClient = (options: ClientOptions): IdentityClient =>
  createClient<IdentityPaths>(options);
export const createSalesClient = (options: ClientOptions): SalesClient => createClient<SalesPaths>(options);
export const createServiceClient = (options: ClientOptions): ServiceClient =>
  createClient<ServicePaths>(options);

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
