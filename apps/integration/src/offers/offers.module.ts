import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@crm/platform';
import { IntegrationMessaging } from '../integration-messaging';
import { OfferAcknowledgement } from './offer-acknowledgement';
import { OfferController } from './offer.controller';
import { OfferCustomerRepository } from './offer-customer.repository';
import { OfferGrantRepository } from './offer-grant.repository';
import { OfferGranting } from './offer-granting';
import { OfferInputs } from './offer-inputs';
import { OfferInputsConsumer } from './offer-inputs.consumer';
import { OfferRuleController } from './offer-rule.controller';
import { OfferRuleRepository } from './offer-rule.repository';
import { OfferRuleService } from './offer-rule.service';
import { OfferScheduler } from './offer-scheduler';
import { OFFER_SETTINGS, offerSettings } from './offer-settings';

/**
 * Offers to billing (ADR 0043): rules over analytics' value tiers and service visits grant offers as
 * `offer.granted`, which billing receives through an event subscription and acknowledges (`offer.applied`).
 */
@Module({
  imports: [IntegrationMessaging],
  // The rules' routes first, so /offers/rules is not read as an offer id.
  controllers: [OfferRuleController, OfferController],
  providers: [
    { provide: OFFER_SETTINGS, inject: [PLATFORM_CONFIG], useFactory: offerSettings },
    OfferRuleRepository,
    OfferRuleService,
    OfferCustomerRepository,
    OfferGrantRepository,
    OfferGranting,
    OfferInputs,
    OfferInputsConsumer,
    OfferScheduler,
    OfferAcknowledgement,
  ],
})
export class OffersModule {}
