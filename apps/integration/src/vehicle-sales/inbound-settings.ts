import { PlatformConfig } from '@crm/config';
import { IntegrationConfig } from '../integration.config';

export const INBOUND_SETTINGS = Symbol('INBOUND_SETTINGS');

export interface InboundSettings {
  /** Where customer-master's API answers; every inbound row registers through it. */
  customerMasterUrl: string;
  defaultBrand: string;
}

/** The embedded default (no INTEGRATION_* variables) serves customer-master in the same process, on its own port. */
export function inboundSettings(config: PlatformConfig & Partial<IntegrationConfig>): InboundSettings {
  return {
    customerMasterUrl: (config.INTEGRATION_CUSTOMER_MASTER_URL ?? `http://127.0.0.1:${config.PORT}`).replace(
      /\/$/,
      '',
    ),
    defaultBrand: config.INTEGRATION_DEFAULT_BRAND ?? 'Aurora',
  };
}
