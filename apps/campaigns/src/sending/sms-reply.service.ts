import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@crm/messaging';
import { normalizePhone } from '@crm/search-keys';
import { isOptOutReply } from './opt-out-reply';
import { UnsubscribeService } from './unsubscribe.service';
import { UnsubscriptionRepository } from './unsubscription.repository';

export interface InboundSms {
  from: string;
  text: string;
}

/**
 * An SMS reply from the gateway: an opt-out word ("TD", "T", "退订", "STOP") withdraws the SMS consent of each customer
 * with that number who was sent an SMS campaign, through the same event as a one-click mail unsubscribe.
 */
@Injectable()
export class SmsReplyService {
  constructor(
    private readonly unsubscriptions: UnsubscriptionRepository,
    private readonly unsubscribe: UnsubscribeService,
    private readonly uow: UnitOfWork,
  ) {}

  /** Resolves with how many customers it opts out (again, if already): none for an ordinary reply or an unknown number. */
  receive(sms: InboundSms): Promise<number> {
    if (!isOptOutReply(sms.text)) return Promise.resolve(0);
    const normalized = normalizePhone(sms.from);
    const phones = [sms.from.trim(), normalized?.e164, normalized?.digits].filter(
      (phone) => !!phone,
    ) as string[];
    return this.uow.run(async (tx) => {
      const claims = await this.unsubscriptions.lastSmsCampaignsTo(tx, phones);
      for (const claim of claims) await this.unsubscribe.optOut(tx, claim);
      return claims.length;
    });
  }
}
