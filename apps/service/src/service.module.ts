import { ReadAuditModule } from '@crm/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { BoardModule } from './board/board.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { CustomersModule } from './customers/customers.module';
import { DataExportModule } from './data-export/data-export.module';
import { DealersModule } from './dealers/dealers.module';
import { ServiceDemoModule } from './demo/service-demo.module';
import { ErasureModule } from './erasure/erasure.module';
import { NotificationsModule } from './notifications/notifications.module';
import { RepairsModule } from './repairs/repairs.module';
import { RoutingModule } from './routing/routing.module';
import { SatisfactionModule } from './satisfaction/satisfaction.module';
import { DEFAULT_SERVICE_SETTINGS, ServiceSettings } from './service-settings';
import { SERVICE_SCHEMA } from './service-messaging';
import { ServiceSettingsModule } from './service-settings.module';
import { SlaModule } from './sla/sla.module';
import { StationApiModule } from './station-api/station-api.module';
import { StationsModule } from './stations/stations.module';
import { TaxonomyModule } from './taxonomy/taxonomy.module';
import { TicketsModule } from './tickets/tickets.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export { SERVICE_SCHEMA } from './service-messaging';

/**
 * Service tickets: routed to the nearest able repair station, tracked to resolution and rated. One module per
 * concept; the ticket core raises domain events and routing, notifications and webhooks react to them.
 */
@Module({})
export class ServiceModule {
  static register(settings: ServiceSettings = DEFAULT_SERVICE_SETTINGS): DynamicModule {
    return {
      module: ServiceModule,
      imports: [
        ServiceSettingsModule.register(settings),
        ReadAuditModule.forService({
          schema: SERVICE_SCHEMA,
          rules: {
            'GET /dev/mailbox': 'dev-mailbox.read',
            'GET /tickets': 'ticket.list',
            'GET /tickets/:id': 'ticket.read',
            'GET /tickets/:id/timeline': 'ticket.timeline',
            'GET /board/tickets': 'board.ticket.list',
            'GET /board/escalations': 'board.escalation.list',
            'GET /station/tickets': 'station.ticket.list',
            'GET /station/tickets/:id': 'station.ticket.read',
            'GET /dealer/tickets': 'dealer.ticket.list',
            'GET /dealer/tickets/:id': 'dealer.ticket.read',
            'GET /privacy/service/customers/:id/export': 'customer.export',
          },
        }),
        TaxonomyModule,
        StationsModule,
        CustomersModule,
        TicketsModule,
        RoutingModule,
        BoardModule,
        RepairsModule,
        StationApiModule,
        DealersModule,
        ComplaintsModule,
        SatisfactionModule,
        WebhooksModule,
        NotificationsModule,
        SlaModule,
        ErasureModule,
        DataExportModule,
        ServiceDemoModule,
      ],
      exports: [TicketsModule, SlaModule, WebhooksModule, NotificationsModule, ServiceDemoModule],
    };
  }
}
