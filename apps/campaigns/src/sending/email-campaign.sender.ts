import { Transporter } from 'nodemailer';
import { CampaignChannels } from '@crm/contracts';
import { createSmtpTransport } from '@crm/messaging';
import { assertChannel, CampaignChannelSender, CampaignMessage } from './campaign-message';
import { mailFolderTransport } from './mail-folder.transport';

export const CampaignMailHeaders = {
  /** The idempotency key on every copy of one send; the Message-ID carries it too. */
  recipient: 'X-CRM-Campaign-Recipient',
} as const;

/** The Message-ID of a send: a repeat after a crash carries the same one, so mail systems collapse the two. */
export const campaignMessageId = (idempotencyKey: string) => `<${idempotencyKey}@campaigns.crm.local>`;

/** Campaign email over a pool of open SMTP connections, each mail with RFC 8058 one-click unsubscribe headers. */
export class EmailCampaignSender extends CampaignChannelSender {
  readonly channel = CampaignChannels.email;

  private constructor(
    private readonly transport: Transporter,
    private readonly from: string,
  ) {
    super();
  }

  static overSmtp(url: string, connections: number, from: string): EmailCampaignSender {
    return new EmailCampaignSender(createSmtpTransport({ url, pooledConnections: connections }), from);
  }

  /** Writes every mail in full into a folder: the embedded default's stand-in for a mail server. */
  static intoFolder(folder: string, from: string): EmailCampaignSender {
    return new EmailCampaignSender(mailFolderTransport(folder), from);
  }

  async send(message: CampaignMessage): Promise<void> {
    assertChannel(message, CampaignChannels.email);
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.body,
      html: message.html,
      messageId: campaignMessageId(message.idempotencyKey),
      headers: {
        'List-Unsubscribe': `<${message.unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        [CampaignMailHeaders.recipient]: message.idempotencyKey,
      },
    });
  }

  close(): void {
    this.transport.close();
  }
}
