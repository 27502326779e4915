import { PARTNER_ROLES, PartnerKind, Role, Roles } from '@crm/contracts';
import { FieldError } from '@crm/core';

const ROLE_OF_KIND: Record<PartnerKind, Role> = { dealer: Roles.dealer, repair_station: Roles.repairStation };

export function partnerRoleOf(kind: PartnerKind): Role {
  return ROLE_OF_KIND[kind];
}

export interface PartnerBinding {
  roles: Role[];
  partnerId?: string | null;
  partnerKind?: PartnerKind | null;
}

/**
 * A partner principal is scoped to its partner's records only while it holds nothing but its partner
 * role, so partner roles never mix with staff roles and always name the partner they belong to.
 */
export function partnerBindingErrors({ roles, partnerId, partnerKind }: PartnerBinding): FieldError[] {
  const partnerRoles = roles.filter((role) => PARTNER_ROLES.includes(role));
  if (partnerRoles.length === 0) {
    return partnerId || partnerKind
      ? [
          {
            field: 'partnerId',
            message: 'only users with a partner role (dealer, repair_station) belong to a partner',
          },
        ]
      : [];
  }
  const errors: FieldError[] = [];
  if (roles.length > 1)
    errors.push({ field: 'roles', message: 'a partner user holds exactly one role, its partner role' });
  if (!partnerId) errors.push({ field: 'partnerId', message: 'is required for a partner role' });
  if (!partnerKind) errors.push({ field: 'partnerKind', message: 'is required for a partner role' });
  else if (!partnerRoles.includes(partnerRoleOf(partnerKind))) {
    errors.push({ field: 'partnerKind', message: `does not match the role ${partnerRoles[0]}` });
  }
  return errors;
}
