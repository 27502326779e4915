import { LinkSigner } from './link-signer';

/** Who a tracked link was sent to; a click also names which of the template's links it stands for. */
export interface OpenClaim {
  campaignId: string;
  customerId: string;
}
export interface ClickClaim extends OpenClaim {
  linkIndex: number;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SIGNATURE = '[A-Za-z0-9_-]{43}';
const OPEN_TOKEN = new RegExp(`^(${UUID})\\.(${UUID})\\.(${SIGNATURE})$`);
const CLICK_TOKEN = new RegExp(`^(${UUID})\\.(${UUID})\\.(\\d{1,3})\\.(${SIGNATURE})$`);

/**
 * Tokens of campaigns' open pixel and of rewritten links, signed like the unsubscribe link (same secret, a purpose prefix in
 * the signed text so no token passes for another kind). A click token signs the index of a link in the campaign's
 * own template, never a URL: the redirect can only go where the campaign's author pointed it. In a lib because web-tracking verifies
 * the click token a campaign link carries onto the website (ADR 0044) with the same code.
 */
export class TrackingTokens {
  private readonly signer: LinkSigner;

  constructor(secret: string) {
    this.signer = new LinkSigner(secret);
  }

  signOpen(claim: OpenClaim): string {
    const payload = `${claim.campaignId}.${claim.customerId}`;
    return `${payload}.${this.signer.signature(`open.${payload}`)}`;
  }

  signClick(claim: ClickClaim): string {
    const payload = `${claim.campaignId}.${claim.customerId}.${claim.linkIndex}`;
    return `${payload}.${this.signer.signature(`click.${payload}`)}`;
  }

  verifyOpen(token: string): OpenClaim | null {
    const match = OPEN_TOKEN.exec(token);
    if (!match) return null;
    const [, campaignId, customerId, signature] = match;
    return this.signer.matches(`open.${campaignId}.${customerId}`, signature)
      ? { campaignId, customerId }
      : null;
  }

  verifyClick(token: string): ClickClaim | null {
    const match = CLICK_TOKEN.exec(token);
    if (!match) return null;
    const [, campaignId, customerId, index, signature] = match;
    if (!this.signer.matches(`click.${campaignId}.${customerId}.${index}`, signature)) return null;
    return { campaignId, customerId, linkIndex: Number(index) };
  }
}
