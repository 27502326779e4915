import { createHmac, timingSafeEqual } from 'node:crypto';
import { ALL_CAMPAIGN_CHANNELS, CampaignChannel } from '@crm/contracts';

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
  constructor(private readonly secret: string) {}

  sign(claim: UnsubscribeClaim): string {
    const payload = `${claim.campaignId}.${claim.customerId}.${claim.channel}`;
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** The claim of a well-formed token whose signature matches (compared in constant time); null otherwise. */
  verify(token: string): UnsubscribeClaim | null {
    const match = UNSUBSCRIBE_TOKEN_PATTERN.exec(token);
    if (!match) return null;
    const [, campaignId, customerId, channel, signature] = match;
    const expected = this.mac(`${campaignId}.${customerId}.${channel}`);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { campaignId, customerId, channel: channel as CampaignChannel };
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(payload).digest();
  }
}
