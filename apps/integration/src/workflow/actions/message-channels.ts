import { Inject, Injectable } from '@nestjs/common';
import { Transporter } from 'nodemailer';
import { createSmtpTransport, HttpSmsGateway, SmsGateway } from '@crm/messaging';
import { WORKFLOW_SETTINGS, WorkflowSettings } from '../workflow-settings';

export const MESSAGE_CHANNELS = ['email', 'sms'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export interface OutgoingMessage {
  /** Stable across retries: the email's Message-ID and the SMS gateway's idempotency key. */
  messageId: string;
  to: string;
  subject: string | null;
  text: string;
}

/**
 * The platform's delivery channels as workflow rules use them: SMTP and the SMS gateway, and only towards the staff
 * (integration keeps no customer consent, so it writes to no customer).
 */
@Injectable()
export class MessageChannels {
  private readonly email: Transporter | null;
  private readonly sms: SmsGateway | null;

  constructor(@Inject(WORKFLOW_SETTINGS) private readonly settings: WorkflowSettings) {
    this.email = settings.smtpUrl ? createSmtpTransport({ url: settings.smtpUrl }) : null;
    this.sms =
      settings.smsGatewayUrl && settings.smsGatewayKey
        ? new HttpSmsGateway(settings.smsGatewayUrl, settings.smsGatewayKey)
        : null;
  }

  /** Why the channel cannot be used, or null. */
  unavailable(channel: MessageChannel): string | null {
    if (channel === 'email') return this.email ? null : 'no SMTP server is configured for integration';
    return this.sms ? null : 'no SMS gateway is configured for integration';
  }

  /** Why this recipient may not be written to, or null: only the staff's addresses and numbers are. */
  refusedRecipient(channel: MessageChannel, to: string): string | null {
    if (channel === 'email') {
      const domain = to.split('@').pop()?.toLowerCase() ?? '';
      return this.settings.internalEmailDomains.includes(domain)
        ? null
        : `not a staff address (domains: ${this.settings.internalEmailDomains.join(', ') || 'none configured'})`;
    }
    return this.settings.internalPhones.includes(to)
      ? null
      : 'not a staff number (INTEGRATION_WORKFLOW_INTERNAL_PHONES)';
  }

  async send(channel: MessageChannel, message: OutgoingMessage): Promise<void> {
    if (channel === 'sms') {
      if (!this.sms) throw new Error(this.unavailable('sms') as string);
      return this.sms.send({ messageId: message.messageId, to: message.to, text: message.text });
    }
    if (!this.email) throw new Error(this.unavailable('email') as string);
    await this.email.sendMail({
      from: this.settings.smtpFrom,
      to: message.to,
      subject: message.subject ?? undefined,
      text: message.text,
      messageId: `<${message.messageId}@workflow.crm>`,
    });
  }
}
