// Typed HTTP clients for the CRM's apps (openapi-fetch over the types generated from their OpenAPI
// documents): per app `<App>Api`, `<App>Paths`, `<App>Client` and `create<App>Client`, generated.
export * from './api-clients';
export * from './generated';
export * from './customer-master-calls';
