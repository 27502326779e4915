import { ALL_CAMPAIGN_CHANNELS, CampaignChannel } from '@crm/contracts';
import { LinkSigner } from '@crm/core';

export interface UnsubscribeClaim {
  campaignId: string;
  customerId: string;
  channel: CampaignChannel;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** `<campaign>.<customer>.<channel>.<HMAC-SHA256, base64url>`: URL-safe, no padding. */
export const UNSUBSCRIBE_TOKEN_PATTERN = new RegExp(
  `^(${UUID})\\.(${UUID})\\.(${ALL_CAMPAIGN_CHANNELS.join('|')})\\.([A-Za-z0-9_-]{43})$`,
);

/** Signs and checks the token in each mail's unsubscribe link; the secret comes from configuration only. */
export class UnsubscribeTokens {
  private readonly signer: LinkSigner;

  constructor(secret: string) {
    this.signer = new LinkSigner(secret);
  }

  sign(claim: UnsubscribeClaim): string {
    const payload = `${claim.campaignId}.${claim.customerId}.${claim.channel}`;
    return `${payload}.${this.signer.signature(payload)}`;
  }

  /** The claim of a well-formed token whose signature matches (compared in constant time); null otherwise. */
  verify(token: string): UnsubscribeClaim | null {
    const match = UNSUBSCRIBE_TOKEN_PATTERN.exec(token);
    if (!match) return null;
    const [, campaignId, customerId, channel, signature] = match;
    if (!this.signer.matches(`${campaignId}.${customerId}.${channel}`, signature)) return null;
    return { campaignId, customerId, channel: channel as CampaignChannel };
  }
}
