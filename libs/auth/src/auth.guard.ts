import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';
import { Role, Roles as RoleNames } from '@crm/contracts';
import { NotFoundError, RequestContext } from '@crm/core';
import { IS_PUBLIC, PARTNER_SCOPE, PartnerScopeMetadata, REQUIRED_ROLES } from './auth.decorators';
import { PartnerScopeRegistry } from './partner-scope.registry';
import { isSafeMethod, readSessionCookie, requireCsrfHeader } from './session-cookie';
import { isPartner, isSystem, Principal, toActor } from './principal';
import { InvalidTokenError, KeySetUnavailableError, TokenVerifier } from './token-verifier';

/**
 * The one place where every request is authenticated, its roles checked, and a partner caller's
 * access to the addressed record verified (object-level authorization).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
    private readonly partnerScopes: PartnerScopeRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const principal = await this.authenticate(request);
    // A partner role without its partner id would otherwise read as staff and see everything.
    if (isPartner(principal) && !principal.partnerId)
      throw new ForbiddenException('A partner token must name its partner');
    // A system client acts for no partner; a token mixing the two is not one identity issues (ADR 0054).
    if (isSystem(principal) && (isPartner(principal) || principal.partnerId))
      throw new ForbiddenException('A system token must name no partner');
    request.principal = principal;
    RequestContext.setActor(toActor(principal), principal.name);
    this.checkRoles(principal, this.reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets));
    const scope = this.reflector.getAllAndOverride<PartnerScopeMetadata>(PARTNER_SCOPE, targets);
    if (scope && isPartner(principal)) await this.checkPartnerLink(principal, scope, request.params ?? {});
    return true;
  }

  private async authenticate(request: Request): Promise<Principal> {
    const token = this.credentialOf(request);
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError)
        throw new UnauthorizedException(`Invalid token: ${error.message}`);
      // The token may well be good: a 401 would tell a client to throw it away, a 503 to try again.
      if (error instanceof KeySetUnavailableError)
        throw new ServiceUnavailableException(
          'The token cannot be checked now: its signing keys are unavailable',
        );
      throw error;
    }
  }

  /** The bearer token; without an Authorization header, the console's session cookie (ADR 0040). */
  private credentialOf(request: Request): string {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw new UnauthorizedException('A bearer token is required');
      return match[1];
    }
    const session = readSessionCookie(request.headers.cookie);
    if (!session) throw new UnauthorizedException('A bearer token or a session cookie is required');
    // The cookie rides along on any request the browser makes; a custom header proves the console sent it.
    if (!isSafeMethod(request.method)) requireCsrfHeader(request);
    return session;
  }

  private checkRoles(principal: Principal, required: Role[] | undefined): void {
    if (principal.roles.includes(RoleNames.admin)) return;
    if (!required || required.length === 0) throw new ForbiddenException('This route declares no roles');
    if (!required.some((role) => principal.roles.includes(role))) {
      throw new ForbiddenException(`Requires one of the roles: ${required.join(', ')}`);
    }
  }

  private async checkPartnerLink(
    principal: Principal,
    scope: PartnerScopeMetadata,
    params: Record<string, string>,
  ) {
    const recordId = params[scope.param];
    if (!recordId) return;
    const linked = await this.partnerScopes.isLinked(scope.resource, principal.partnerId as string, recordId);
    // 404 rather than 403: a partner must not learn that another partner's record exists.
    if (!linked) throw new NotFoundError(scope.resource, recordId);
  }
}
