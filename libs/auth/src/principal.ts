import { Actor, PARTNER_ROLES, PartnerKind, Role } from '@crm/contracts';

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

export function toActor(principal: Principal): Actor {
  return { id: principal.subject, kind: isPartner(principal) ? 'partner' : 'user', roles: principal.roles };
}
