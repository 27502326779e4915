import { PlatformConfig } from '@crm/config';
import { IntegrationConfig } from '../integration.config';

export const OFFER_SETTINGS = Symbol('OFFER_SETTINGS');

export interface OfferSettings {
  /** The scheduled evaluation and the expiry run on a timer; tests turn it off and drive them. */
  backgroundJobs: boolean;
  /** How often every enabled rule is evaluated over all customers and ended offers expire. */
  evaluateIntervalMs: number;
}

const MINUTE_MS = 60_000;

export function offerSettings(config: PlatformConfig & Partial<IntegrationConfig>): OfferSettings {
  return {
    backgroundJobs: true,
    evaluateIntervalMs: (config.INTEGRATION_OFFER_EVALUATE_MINUTES ?? 60) * MINUTE_MS,
  };
}
