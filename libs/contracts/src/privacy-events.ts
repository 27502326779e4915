import { CustomerErased } from './customer/customer.events';

/**
 * Events that carry a person's privacy right (ADR 0013): a consumer that parks one leaves the person's data in
 * place, so operators are told apart from other dead letters (metric and alert) and replay it once fixed.
 */
export const PRIVACY_EVENT_TYPES: readonly string[] = [CustomerErased.type];

export function isPrivacyEvent(type: string | null | undefined): boolean {
  return !!type && PRIVACY_EVENT_TYPES.includes(type);
}
