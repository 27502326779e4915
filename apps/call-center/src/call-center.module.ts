import { ReadAuditModule } from '@crm/platform';
import { Module } from '@nestjs/common';
import { MessagingModule } from '@crm/messaging';
import { CALL_CENTER_SCHEMA, CALL_CENTER_SERVICE } from './call-center.constants';
import { ComplaintController } from './complaints/complaint.controller';
import { ComplaintIntakeService } from './complaints/complaint-intake.service';
import { ComplaintPublisher } from './complaints/complaint.publisher';
import { ComplaintSubjectReader } from './complaints/complaint-subject.reader';
import { Customer360Controller } from './customer-360/customer-360.controller';
import { Customer360Repository } from './customer-360/customer-360.repository';
import { Customer360Service } from './customer-360/customer-360.service';
import { InteractionController } from './interactions/interaction.controller';
import { InteractionRecorder } from './interactions/interaction-recorder';
import { InteractionRepository } from './interactions/interaction.repository';
import { InteractionService } from './interactions/interaction.service';
import { LookupController } from './lookup/lookup.controller';
import { LookupRepository } from './lookup/lookup.repository';
import { LookupService } from './lookup/lookup.service';
import { CampaignEventsConsumer } from './read-model/campaign-events.consumer';
import { CustomerOfferRepository } from './read-model/customer-offer.repository';
import { OfferEventsConsumer } from './read-model/offer-events.consumer';
import { Customer360Invalidator } from './read-model/customer-360.invalidator';
import { CustomerEventsConsumer } from './read-model/customer-events.consumer';
import { CustomerHistoryRepository } from './read-model/customer-history.repository';
import { CustomerReplicaRepository } from './read-model/customer-replica.repository';
import { CustomerReplicaService } from './read-model/customer-replica.service';
import { NetworkEventsConsumer } from './read-model/network-events.consumer';
import { NextBestOfferRepository } from './read-model/next-best-offer.repository';
import { BrowsingProfileRepository } from './read-model/browsing-profile.repository';
import { WebEventsConsumer } from './read-model/web-events.consumer';
import { CustomerValueEventsConsumer } from './read-model/customer-value-events.consumer';
import { OpportunityReplicaRepository } from './read-model/opportunity-replica.repository';
import { ValueTierRepository } from './read-model/value-tier.repository';
import { PartnerReplicaRepository } from './read-model/partner-replica.repository';
import { CallCenterCustomerDataController } from './data-export/customer-data.controller';
import { CallCenterCustomerDataRepository } from './data-export/customer-data.repository';
import { ErasedCustomerRepository } from './read-model/erased-customer.repository';
import { SalesActivityRepository } from './read-model/sales-activity.repository';
import { SalesEventsConsumer } from './read-model/sales-events.consumer';
import { ServiceEventsConsumer } from './read-model/service-events.consumer';
import { TicketReplicaRepository } from './read-model/ticket-replica.repository';
import { VehicleReplicaRepository } from './read-model/vehicle-replica.repository';
import { ScreenPopBus } from './telephony/screen-pop.bus';
import { ScreenPopHub } from './telephony/screen-pop.hub';
import { TelephonyController } from './telephony/telephony.controller';
import { TelephonyService } from './telephony/telephony.service';
import { CallCenterDemoSeeder } from './demo/call-center-demo.seeder';

const READ_MODEL = [
  Customer360Invalidator,
  CustomerReplicaRepository,
  CustomerHistoryRepository,
  CustomerReplicaService,
  CustomerEventsConsumer,
  VehicleReplicaRepository,
  PartnerReplicaRepository,
  NetworkEventsConsumer,
  TicketReplicaRepository,
  ServiceEventsConsumer,
  ErasedCustomerRepository,
  SalesActivityRepository,
  SalesEventsConsumer,
  NextBestOfferRepository,
  CampaignEventsConsumer,
  CustomerOfferRepository,
  OfferEventsConsumer,
  BrowsingProfileRepository,
  WebEventsConsumer,
  OpportunityReplicaRepository,
  ValueTierRepository,
  CustomerValueEventsConsumer,
];

/** The call center: agent lookup, the customer 360, interactions, screen pop and complaint intake. */
@Module({
  imports: [
    MessagingModule.forService({ service: CALL_CENTER_SERVICE, schema: CALL_CENTER_SCHEMA }),
    ReadAuditModule.forService({
      schema: CALL_CENTER_SCHEMA,
      rules: {
        'GET /lookup': 'customer.lookup',
        'GET /customers/:id/360': 'customer.360',
        'GET /customers/:id/interactions': 'customer.interactions',
        'GET /privacy/call-center/customers/:id/export': 'customer.export',
      },
    }),
  ],
  controllers: [
    LookupController,
    Customer360Controller,
    InteractionController,
    ComplaintController,
    TelephonyController,
    CallCenterCustomerDataController,
  ],
  providers: [
    ...READ_MODEL,
    LookupRepository,
    LookupService,
    Customer360Repository,
    Customer360Service,
    InteractionRepository,
    InteractionRecorder,
    InteractionService,
    ComplaintSubjectReader,
    ComplaintPublisher,
    ComplaintIntakeService,
    ScreenPopHub,
    ScreenPopBus,
    TelephonyService,
    CallCenterCustomerDataRepository,
    CallCenterDemoSeeder,
  ],
  exports: [CallCenterDemoSeeder],
})
export class CallCenterModule {}
