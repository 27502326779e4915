import { createHmac, timingSafeEqual } from 'node:crypto';

/** HMAC-SHA256 over a payload, base64url (43 characters), checked in constant time; shared by every signed link (campaign mails, the website's calls). */
export class LinkSigner {
  constructor(private readonly secret: string) {}

  signature(payload: string): string {
    return this.mac(payload).toString('base64url');
  }

  /**
   * Compares the text, not the decoded bytes: the last base64url character carries two unused bits, so four
   * spellings decode alike and only the canonical one may pass.
   */
  matches(payload: string, signature: string): boolean {
    const expected = Buffer.from(this.signature(payload));
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(payload).digest();
  }
}
