import { Actor, PARTNER_ROLES, PartnerKind, Role, SYSTEM_ROLES } from '@crm/contracts';

/** The authenticated caller: a staff user, or a partner (dealer, repair station) bound to its partner id. */
export interface Principal {
  subject: string;
  name?: string;
  roles: Role[];
  partnerId?: string;
  partnerKind?: PartnerKind;
}

/** Any partner role makes the caller a partner, with or without a partner id: access fails closed. */
export function isPartner(principal: Principal): boolean {
  return principal.roles.some((role) => PARTNER_ROLES.includes(role));
}

/** A system role (billing, erp) makes the caller a back-office system: identity's system clients (ADR 0054). */
export function isSystem(principal: Principal): boolean {
  return principal.roles.some((role) => (SYSTEM_ROLES as readonly Role[]).includes(role));
}

export function toActor(principal: Principal): Actor {
  const kind = isPartner(principal) ? 'partner' : isSystem(principal) ? 'system' : 'user';
  return { id: principal.subject, kind, roles: principal.roles };
}
