import { LinkSigner } from '@crm/core';

/** How far the signed time may be from ours: a captured call cannot be replayed later. */
export const SITE_SIGNATURE_TOLERANCE_SECONDS = 300;
const HEADER = /^t=(\d{1,12}),s=([A-Za-z0-9_-]{43})$/;

/**
 * The site server's `X-Site-Signature: t=<unix seconds>,s=<signature>` over `visitor-link.<t>.<visitor>.<customer>`,
 * HMAC-SHA256 base64url with WEB_TRACKING_SITE_SECRET: the same signer as campaigns' links.
 */
export class SiteSignature {
  private readonly signer: LinkSigner;

  constructor(secret: string) {
    this.signer = new LinkSigner(secret);
  }

  sign(visitorId: string, customerId: string, at: Date): string {
    const t = Math.floor(at.getTime() / 1000);
    return `t=${t},s=${this.signer.signature(payload(t, visitorId, customerId))}`;
  }

  verify(header: string | undefined, visitorId: string, customerId: string, now: Date): boolean {
    const match = header ? HEADER.exec(header) : null;
    if (!match) return false;
    const t = Number(match[1]);
    if (Math.abs(now.getTime() / 1000 - t) > SITE_SIGNATURE_TOLERANCE_SECONDS) return false;
    return this.signer.matches(payload(t, visitorId, customerId), match[2]);
  }
}

const payload = (t: number, visitorId: string, customerId: string) =>
  `visitor-link.${t}.${visitorId}.${customerId}`;
