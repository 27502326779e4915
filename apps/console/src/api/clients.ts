import type { Middleware } from 'openapi-fetch';
import {
  createAnalyticsClient,
  createCallCenterClient,
  createCampaignsClient,
  createCustomerMasterClient,
  createIdentityClient,
  createIntegrationClient,
  createSalesClient,
  createServiceClient,
  type CallCenterApi,
} from '@crm/api-client/generated';

/** Sent on every call: the services refuse cookie-authenticated unsafe requests without it (ADR 0040). */
export const CSRF_HEADER = 'x-crm-csrf';

export type Problem = CallCenterApi.components['schemas']['Problem'];

/** A non-2xx answer, carrying the problem+json the services send. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Partial<Problem> | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
}

/** Lets the app react once to a lost session (401) wherever it happens. */
export const sessionEvents = new EventTarget();

const sessionWatch: Middleware = {
  onResponse({ response }) {
    if (response.status === 401) sessionEvents.dispatchEvent(new Event('unauthorized'));
  },
};

// Same origin as the console: the all-in-one, or the host that routes each API path to its service.
const options = { baseUrl: window.location.origin, headers: { [CSRF_HEADER]: '1' } };

export const identityApi = createIdentityClient(options);
export const callCenterApi = createCallCenterClient(options);
export const serviceApi = createServiceClient(options);
export const customerMasterApi = createCustomerMasterClient(options);
export const salesApi = createSalesClient(options);
export const campaignsApi = createCampaignsClient(options);
export const analyticsApi = createAnalyticsClient(options);
export const integrationApi = createIntegrationClient(options);
for (const client of [
  identityApi,
  callCenterApi,
  serviceApi,
  customerMasterApi,
  salesApi,
  campaignsApi,
  analyticsApi,
  integrationApi,
])
  client.use(sessionWatch);

/** The data of an openapi-fetch answer, or an ApiError with its problem. */
export async function data<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data: body, error, response } = await call;
  if (!response.ok) throw new ApiError(response.status, error as Partial<Problem> | undefined);
  return body as T;
}
