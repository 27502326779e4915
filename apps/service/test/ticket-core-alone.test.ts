import { TicketOpened } from '@crm/contracts';
import { Test, TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PlatformModule } from '@crm/platform';
import { createTestDatabase, TestDatabase, testPlatformConfig } from '@crm/testing';
import { serviceMigrations } from '../src/migrations';
import { TicketRoutingService } from '../src/routing/ticket-routing.service';
import { CustomerContactRepository } from '../src/customers/customer-contact.repository';
import { DEFAULT_SERVICE_SETTINGS } from '../src/service-settings';
import { ServiceSettingsModule } from '../src/service-settings.module';
import { TicketOpeningService } from '../src/tickets/ticket-opening.service';
import { TicketsModule } from '../src/tickets/tickets.module';
import { WebhookDispatcher } from '../src/webhooks/webhook-dispatcher';
import { NotificationDispatcher } from '../src/notifications/notification-dispatcher';

describe(TicketsModule.name, () => {
  let database: TestDatabase;
  let moduleRef: TestingModule;

  beforeAll(async () => {
    database = await createTestDatabase('service');
    const config = testPlatformConfig({
      DATABASE_URL: database.url,
      AUTH_JWKS_URL: 'http://127.0.0.1:9/jwks',
    });
    moduleRef = await Test.createTestingModule({
      imports: [
        PlatformModule.forRoot({ service: 'service', config, migrations: serviceMigrations }),
        ServiceSettingsModule.register({ ...DEFAULT_SERVICE_SETTINGS, backgroundJobs: false }),
        TicketsModule,
      ],
    }).compile();
    await moduleRef.init();
  });
  afterAll(async () => {
    await moduleRef?.close();
    await database?.drop();
  });

  it('compiles without routing, notifications, webhooks or SLA escalation', () => {
    for (const sideConcern of [TicketRoutingService, WebhookDispatcher, NotificationDispatcher])
      expect(() => moduleRef.get(sideConcern, { strict: false })).toThrow();
  });

  it('opens a ticket on its own: journaled and published, with nothing reacting', async () => {
    const customerId = randomUUID();
    await moduleRef.get(DataSource).transaction((tx) =>
      moduleRef.get(CustomerContactRepository, { strict: false }).save(
        tx,
        { customerId, name: null, phones: [], emails: [], consentedChannels: [] },
        {
          sequence: null,
          occurredAt: new Date().toISOString(),
        },
      ),
    );
    const ticket = await moduleRef.get(TicketOpeningService).open({
      customerId,
      qualityType: 'engine',
      description: 'engine stalls',
      channel: 'phone',
      location: { lat: 30, lon: 120 },
    });
    expect(ticket.status).toBe('new');
    const [{ reactions }] = await moduleRef.get(DataSource).query(
      `SELECT (SELECT count(*) FROM service.customer_notification)::int
            + (SELECT count(*) FROM service.webhook_delivery)::int
            + (SELECT count(*) FROM service.routing_decision)::int AS reactions`,
    );
    const published = await moduleRef
      .get(DataSource)
      .query(`SELECT envelope->>'type' AS type FROM service.outbox_message WHERE message_key = $1`, [
        ticket.ticketId,
      ]);
    expect(reactions).toBe(0);
    expect(published).toEqual([{ type: TicketOpened.type }]);
  });
});
