import { EmailSender } from './email-sender';
import { NotificationChannel, OutgoingMessage } from './notification';
import { DevMailboxRepository } from './dev-mailbox.repository';
import { SmsGateway } from '@crm/messaging';

/** The embedded default for a channel with no server configured: the message is kept where GET /dev/mailbox shows it. */
export class DevMailbox implements EmailSender, SmsGateway {
  constructor(
    private readonly mailbox: DevMailboxRepository,
    private readonly channel: NotificationChannel,
  ) {}

  send(message: OutgoingMessage): Promise<void> {
    return this.mailbox.store(this.channel, message);
  }
}
