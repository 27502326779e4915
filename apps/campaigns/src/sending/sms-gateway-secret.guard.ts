import { timingSafeEqual } from 'node:crypto';
import { CanActivate, ExecutionContext, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { Request } from 'express';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../campaigns-settings';

export const SMS_GATEWAY_SECRET_HEADER = 'x-sms-gateway-secret';

/**
 * The SMS gateway's credential: the shared secret in its header, compared in constant time before anything of the
 * request is read; with no secret configured nobody passes. A caller without it is refused with 403, whatever
 * bearer token it has: on this route no token is a credential.
 */
@Injectable()
export class SmsGatewaySecretGuard implements CanActivate {
  constructor(@Inject(CAMPAIGNS_SETTINGS) private readonly settings: CampaignsSettings) {}

  canActivate(context: ExecutionContext): boolean {
    const expected = this.settings.smsInboundSecret;
    const header = context.switchToHttp().getRequest<Request>().headers[SMS_GATEWAY_SECRET_HEADER];
    const given = Buffer.from(typeof header === 'string' ? header : '');
    if (
      !expected ||
      given.length !== Buffer.byteLength(expected) ||
      !timingSafeEqual(given, Buffer.from(expected))
    )
      throw new ForbiddenException('The SMS gateway secret is missing or wrong');
    return true;
  }
}
