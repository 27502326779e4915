import { ForbiddenException } from '@nestjs/common';

/**
 * The browser session of the web console (ADR 0040): identity's access token held in an http-only,
 * SameSite=Strict cookie, so no script can read it. Cookie-authenticated unsafe requests must also
 * carry CSRF_HEADER, which a cross-site form cannot send and a cross-site script may not without CORS.
 */
export const SESSION_COOKIE = 'crm_session';
export const CSRF_HEADER = 'x-crm-csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string | undefined): boolean {
  return SAFE_METHODS.has((method ?? 'GET').toUpperCase());
}

/** Throws 403 unless the request carries CSRF_HEADER (any value). */
export function requireCsrfHeader(request: { headers: Record<string, unknown> }): void {
  if (request.headers[CSRF_HEADER] === undefined)
    throw new ForbiddenException(
      `A request authenticated by the session cookie must send the ${CSRF_HEADER} header`,
    );
}

/** The session token in a Cookie header, or undefined. */
export function readSessionCookie(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0 || part.slice(0, separator).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(separator + 1).trim();
    return value.length > 0 ? value : undefined;
  }
  return undefined;
}

/**
 * The caller's credential as an Authorization value, to call another service on their behalf: the bearer
 * header, else the console's session cookie (which only reaches this service, never the next).
 */
export function callerAuthorization(headers: {
  authorization?: string;
  cookie?: string;
}): string | undefined {
  if (headers.authorization !== undefined) return headers.authorization;
  const session = readSessionCookie(headers.cookie);
  return session ? `Bearer ${session}` : undefined;
}

/** A Set-Cookie value holding `token` for `maxAgeSeconds`; `secure` when the request came over https. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return cookieWith(token, maxAgeSeconds, secure);
}

/** A Set-Cookie value that makes the browser forget the session. */
export function clearedSessionCookie(secure: boolean): string {
  return cookieWith('', 0, secure);
}

function cookieWith(value: string, maxAgeSeconds: number, secure: boolean): string {
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    `Max-Age=${maxAgeSeconds}`,
    'HttpOnly',
    'SameSite=Strict',
  ];
  return (secure ? [...attributes, 'Secure'] : attributes).join('; ');
}
