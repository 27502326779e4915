/** Carries a message's stable id on every retry, so the provider can drop the duplicates. */
export const SMS_IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** A free-text message (service notifications). */
export interface SmsText {
  /** Stable across retries of one message: the idempotency key. */
  messageId: string;
  to: string;
  text: string;
}

/**
 * A message as Chinese SMS providers require for marketing: a template registered with (and approved by) the
 * provider, named by its id, and the values of its named parameters; no free text.
 */
export interface SmsTemplated {
  messageId: string;
  to: string;
  templateId: string;
  params: Record<string, string>;
}

export type SmsMessage = SmsText | SmsTemplated;

/**
 * Sends one text message; resolves once the gateway accepted it, rejects otherwise (the caller retries).
 * Another provider plugs in by providing its own implementation of this class.
 */
export abstract class SmsGateway {
  abstract send(message: SmsMessage): Promise<void>;
}
