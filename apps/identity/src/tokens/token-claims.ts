import { JWTPayload } from 'jose';
import { PartnerKind, Role } from '@crm/contracts';

/** Whoever a token is issued to: a user or a partner client. */
export interface TokenSubject {
  subject: string;
  name: string;
  roles: Role[];
  partnerId: string | null;
  partnerKind: PartnerKind | null;
}

export interface TokenTiming {
  issuer: string;
  audience: string;
  issuedAt: Date;
  ttlSeconds: number;
}

/** The claims libs/auth's TokenVerifier reads: sub, name, roles and, for partners, partner_id and partner_kind. */
export function tokenClaims(
  subject: TokenSubject,
  { issuer, audience, issuedAt, ttlSeconds }: TokenTiming,
): JWTPayload {
  const iat = Math.floor(issuedAt.getTime() / 1000);
  return {
    iss: issuer,
    aud: audience,
    sub: subject.subject,
    iat,
    exp: iat + ttlSeconds,
    name: subject.name,
    roles: subject.roles,
    ...(subject.partnerId && subject.partnerKind
      ? { partner_id: subject.partnerId, partner_kind: subject.partnerKind }
      : {}),
  };
}
