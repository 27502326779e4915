import { CampaignChannel } from '@crm/contracts';

/** One rendered message to one recipient, ready for its channel. */
export interface CampaignMessage {
  /** (campaign, step, customer): the same on every retry of this send, so the receiving side can drop a repeat. */
  idempotencyKey: string;
  to: string;
  subject: string;
  body: string;
  /** The HTML alternative (carrying the open pixel), where the channel has one. */
  html?: string;
  /** RFC 8058 one-click unsubscribe target. */
  unsubscribeUrl: string;
}

/** Sends one message on one channel; resolves once the server accepted it, rejects otherwise (the sender retries). */
export abstract class CampaignChannelSender {
  abstract readonly channel: CampaignChannel;
  abstract send(message: CampaignMessage): Promise<void>;
  abstract close(): void;
}
