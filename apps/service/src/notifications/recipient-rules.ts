import { CustomerContact } from '../customers/customer-contact';
import { NotificationChannel, SkipReasons } from './notification';

export type RecipientPlan =
  | { channel: NotificationChannel; recipient: string; skipReason: null }
  | { channel: NotificationChannel; recipient: null; skipReason: string };

/** Whom a message on `channel` goes to, or why it is not sent: consent first, then an address to send to. */
export function planRecipient(contact: CustomerContact | null, channel: NotificationChannel): RecipientPlan {
  const skip = (skipReason: string): RecipientPlan => ({ channel, recipient: null, skipReason });
  if (!contact) return skip(SkipReasons.unknownCustomer);
  if (!contact.consentedChannels.includes(channel)) return skip(SkipReasons.noConsent);
  const recipient = (channel === 'email' ? contact.emails : contact.phones)[0];
  return recipient ? { channel, recipient, skipReason: null } : skip(SkipReasons.noAddress);
}
