import { Transporter } from 'nodemailer';
import { EmailSender } from './email-sender';
import { OutgoingMessage } from './notification';
import { emailMessageId, NotificationHeaders } from './notification-headers';
import { createSmtpTransport } from '@crm/messaging';

/** Email over SMTP (`smtp://user:pass@host:port`, or `smtps://`); a connection per message, nothing held open. */
export class SmtpEmailSender extends EmailSender {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    this.transport = createSmtpTransport({ url });
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject ?? undefined,
      text: message.text,
      messageId: emailMessageId(message.messageId),
      headers: { [NotificationHeaders.email]: message.messageId },
    });
  }
}
