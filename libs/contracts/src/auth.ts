/** The audience identity puts in its access tokens and every service requires, unless AUTH_AUDIENCE says otherwise. */
export const DEFAULT_TOKEN_AUDIENCE = 'crm-api';
