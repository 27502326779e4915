import { DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@crm/messaging';
import { ComplaintIntakeConsumer } from './complaints/complaint-intake.consumer';
import { CustomerContactConsumer } from './customers/customer-contact.consumer';
import { CustomerContactRepository } from './customers/customer-contact.repository';
import { CustomerLocationConsumer } from './customers/customer-location.consumer';
import { CustomerLocationRepository } from './customers/customer-location.repository';
import { DealerTicketController } from './dealers/dealer-ticket.controller';
import { AfterCommitWakeListener } from './delivery/after-commit-wake.listener';
import { CustomerNotifier } from './notifications/customer-notifier';
import { DevMailboxController } from './notifications/dev-mailbox.controller';
import { DevMailboxRepository } from './notifications/dev-mailbox.repository';
import { notificationChannelProviders } from './notifications/notification-channel.providers';
import { NotificationController } from './notifications/notification.controller';
import { NotificationDispatcher } from './notifications/notification-dispatcher';
import { NotificationFactsCollector } from './notifications/notification-facts.collector';
import { NotificationOutbox } from './notifications/notification-outbox';
import { NotificationQueryRepository } from './notifications/notification-query.repository';
import { NotificationRepository } from './notifications/notification.repository';
import { PartnerScopesRegistration } from './partner-scopes/partner-scopes.registration';
import { RepairLog } from './repairs/repair-log';
import { RepairRecordRepository } from './repairs/repair-record.repository';
import { NearestStationFinder } from './routing/nearest-station.finder';
import { RoutingDecisionRepository } from './routing/routing-decision.repository';
import { StationAssignment } from './routing/station-assignment';
import { StationCandidateRepository } from './routing/station-candidate.repository';
import { TicketDeclineRepository } from './routing/ticket-decline.repository';
import { TicketRoutingService } from './routing/ticket-routing.service';
import { SatisfactionController } from './satisfaction/satisfaction.controller';
import { SatisfactionService } from './satisfaction/satisfaction.service';
import { SurveyTokenRepository } from './satisfaction/survey-token.repository';
import { SurveyLinkIssuer } from './satisfaction/survey-link.issuer';
import { SurveyController } from './satisfaction/survey.controller';
import { SurveyService } from './satisfaction/survey.service';
import { DEFAULT_SERVICE_SETTINGS, SERVICE_SETTINGS, ServiceSettings } from './service-settings';
import { SlaBreachRepository } from './sla/sla-breach.repository';
import { SlaCheckTimer } from './sla/sla-check.timer';
import { SlaChecker } from './sla/sla-checker';
import { SlaPolicy } from './sla/sla-policy';
import { StationResponseService } from './station-api/station-response.service';
import { StationTicketController } from './station-api/station-ticket.controller';
import { StationWorkService } from './station-api/station-work.service';
import { StationReplicaConsumer } from './stations/station-replica.consumer';
import { StationWebhookService } from './stations/station-webhook.service';
import { StationController } from './stations/station.controller';
import { StationRepository } from './stations/station.repository';
import { TaxonomyController } from './taxonomy/taxonomy.controller';
import { QualityTypeSuggester } from './taxonomy/quality-type-suggester';
import { TicketClosingService } from './tickets/ticket-closing.service';
import { TicketEvents } from './tickets/ticket-events';
import { TicketHistoryRepository } from './tickets/ticket-history.repository';
import { TicketJournal } from './tickets/ticket-journal';
import { TicketOpeningService } from './tickets/ticket-opening.service';
import { TicketQueryService } from './tickets/ticket-query.service';
import { TicketReopeningService } from './tickets/ticket-reopening.service';
import { TicketTransaction } from './tickets/ticket-transaction';
import { TicketController } from './tickets/ticket.controller';
import { TicketFactory } from './tickets/ticket.factory';
import { TicketRepository } from './tickets/ticket.repository';
import { WebhookDeliveryController } from './webhooks/webhook-delivery.controller';
import { WebhookDeliveryRepository } from './webhooks/webhook-delivery.repository';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookOutbox } from './webhooks/webhook-outbox';
import { WebhookSender } from './webhooks/webhook-sender';

export const SERVICE_SCHEMA = 'service';

/** Service tickets: routed to the nearest able repair station, tracked to resolution and rated. */
@Module({})
export class ServiceModule {
  static register(settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS): DynamicModule {
    return {
      module: ServiceModule,
      imports: [MessagingModule.forService({ service: 'service', schema: SERVICE_SCHEMA })],
      controllers: [
        TaxonomyController,
        TicketController,
        WebhookDeliveryController,
        SatisfactionController,
        SurveyController,
        StationController,
        StationTicketController,
        DealerTicketController,
        NotificationController,
        DevMailboxController,
      ],
      providers: [
        { provide: SERVICE_SETTINGS, useValue: settings },
        QualityTypeSuggester,
        StationRepository,
        StationReplicaConsumer,
        StationWebhookService,
        StationCandidateRepository,
        NearestStationFinder,
        RoutingDecisionRepository,
        TicketDeclineRepository,
        StationAssignment,
        TicketRoutingService,
        TicketRepository,
        TicketHistoryRepository,
        TicketJournal,
        TicketEvents,
        TicketFactory,
        TicketTransaction,
        TicketOpeningService,
        TicketQueryService,
        TicketClosingService,
        TicketReopeningService,
        ComplaintIntakeConsumer,
        CustomerLocationRepository,
        CustomerLocationConsumer,
        CustomerContactRepository,
        CustomerContactConsumer,
        PartnerScopesRegistration,
        StationResponseService,
        StationWorkService,
        RepairRecordRepository,
        RepairLog,
        WebhookDeliveryRepository,
        WebhookOutbox,
        WebhookSender,
        WebhookDispatcher,
        AfterCommitWakeListener,
        SlaPolicy,
        SlaBreachRepository,
        SlaChecker,
        SlaCheckTimer,
        SatisfactionService,
        SurveyTokenRepository,
        SurveyLinkIssuer,
        SurveyService,
        NotificationRepository,
        NotificationQueryRepository,
        NotificationDispatcher,
        NotificationOutbox,
        NotificationFactsCollector,
        CustomerNotifier,
        DevMailboxRepository,
        ...notificationChannelProviders,
      ],
      exports: [
        TicketOpeningService,
        TicketQueryService,
        SlaChecker,
        WebhookDispatcher,
        NotificationDispatcher,
      ],
    };
  }
}
