// Typed HTTP clients for the CRM's apps (openapi-fetch over the types generated from their OpenAPI documents).
export * from './api-clients';
export type * as CallCenterApi from './generated/call-center';
export type * as CustomerMasterApi from './generated/customer-master';
export type * as IdentityApi from './generated/identity';
export type * as SalesApi from './generated/sales';
export type * as ServiceApi from './generated/service';
