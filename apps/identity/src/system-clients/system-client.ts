import { SystemRole } from '@crm/contracts';
import { ApiClient } from '../partner-clients/partner-client';

/** A back-office system (billing, ERP) calling with the client credentials grant: one system role, no partner. */
export interface SystemClient extends ApiClient {
  partnerId: null;
  partnerKind: null;
  roles: [SystemRole];
}

export interface NewSystemClient {
  clientId?: string;
  name: string;
  role: SystemRole;
}
