import { CampaignChannel, CampaignChannels } from '@crm/contracts';

interface AddressedMessage {
  /** (campaign, step, customer): the same on every retry of this send, so the receiving side can drop a repeat. */
  idempotencyKey: string;
  to: string;
}

/** One rendered mail to one recipient. */
export interface CampaignEmail extends AddressedMessage {
  channel: typeof CampaignChannels.email;
  subject: string;
  body: string;
  /** The HTML alternative (carrying the open pixel), where the channel has one. */
  html?: string;
  /** RFC 8058 one-click unsubscribe target. */
  unsubscribeUrl: string;
}

/** One SMS to one recipient: the provider's template and its parameters, no free text. */
export interface CampaignSms extends AddressedMessage {
  channel: typeof CampaignChannels.sms;
  templateId: string;
  params: Record<string, string>;
}

/** One message to one recipient, ready for its channel. */
export type CampaignMessage = CampaignEmail | CampaignSms;

/** Sends one message on one channel; resolves once the server accepted it, rejects otherwise (the sender retries). */
export abstract class CampaignChannelSender {
  abstract readonly channel: CampaignChannel;
  abstract send(message: CampaignMessage): Promise<void>;
  abstract close(): void;
}

/** A message handed to the wrong channel's sender: a bug, reported as a failed send. */
export function assertChannel<C extends CampaignChannel>(
  message: CampaignMessage,
  channel: C,
): asserts message is Extract<CampaignMessage, { channel: C }> {
  if (message.channel !== channel)
    throw new Error(`a ${message.channel} message given to the ${channel} sender`);
}
