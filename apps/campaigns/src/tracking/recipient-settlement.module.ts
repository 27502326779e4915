import { Module } from '@nestjs/common';
import { CampaignsMessaging } from '../campaigns-messaging';
import { RecipientSettlementRepository } from './recipient-settlement.repository';
import { RecipientSettler } from './recipient-settler';

/** Settling recipients whose attribution window closed; the launcher's pass runs it after the closer. */
@Module({
  imports: [CampaignsMessaging],
  providers: [RecipientSettlementRepository, RecipientSettler],
  exports: [RecipientSettler],
})
export class RecipientSettlementModule {}
