import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Role } from '@crm/contracts';
import { Principal } from './principal';
import { callerAuthorization } from './session-cookie';

export const IS_PUBLIC = 'crm:public';
export const REQUIRED_ROLES = 'crm:roles';
export const PARTNER_SCOPE = 'crm:partner-scope';

/** Health, metrics, docs and token endpoints only. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Any of these roles may call the route; admin always may. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface PartnerScopeMetadata {
  resource: string;
  param: string;
}

/**
 * Marks a route whose `param` names a record of `resource`: partner callers reach it only when
 * the record is linked to their partner id (checked by the shared PartnerScopeGuard).
 */
export const PartnerScoped = (resource: string, param = 'id') =>
  SetMetadata(PARTNER_SCOPE, { resource, param } satisfies PartnerScopeMetadata);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => context.switchToHttp().getRequest().principal,
);

/** The caller's credential to forward to another service: their bearer header or session cookie. */
export const CallerAuthorization = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined =>
    callerAuthorization(context.switchToHttp().getRequest().headers),
);
