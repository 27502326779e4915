import { CampaignChannels } from '@crm/contracts';
import { HttpSmsGateway, SmsGateway } from '@crm/messaging';
import { assertChannel, CampaignChannelSender, CampaignMessage } from './campaign-message';

/**
 * Campaign SMS through the shared gateway adapter (the one service notifications use): the provider's template id and
 * parameters, the idempotency key as the message id. The opt-out is the provider's "回T退订" in the approved template.
 */
export class SmsCampaignSender extends CampaignChannelSender {
  readonly channel = CampaignChannels.sms;

  constructor(private readonly gateway: SmsGateway) {
    super();
  }

  static overHttp(url: string, key: string): SmsCampaignSender {
    return new SmsCampaignSender(new HttpSmsGateway(url, key));
  }

  /** Accepts every SMS and delivers it nowhere: the embedded default's stand-in for a gateway. */
  static discarding(): SmsCampaignSender {
    return new SmsCampaignSender({ send: () => Promise.resolve() });
  }

  async send(message: CampaignMessage): Promise<void> {
    assertChannel(message, CampaignChannels.sms);
    await this.gateway.send({
      messageId: message.idempotencyKey,
      to: message.to,
      templateId: message.templateId,
      params: message.params,
    });
  }

  close(): void {}
}
