import { randomUUID } from 'node:crypto';
import { TicketOpened, TicketRouted } from '@crm/contracts';
import { StationRepository } from '../src/stations/station.repository';
import { TicketDomainEvents } from '../src/tickets/ticket-domain-events';
import { ServiceHarness } from './service.harness';

const TABLES = ['ticket', 'ticket_event', 'customer_notification', 'webhook_delivery', 'outbox_message'];

const CUSTOMER = randomUUID();

describe('the reactions to a ticket step commit and roll back with it', () => {
  let harness: ServiceHarness;
  let agent: string;
  let failure: Error | null = null;

  beforeAll(async () => {
    harness = await ServiceHarness.start({ settings: { backgroundJobs: false } });
    agent = await harness.as(['agent']);
    await harness.customer(CUSTOMER);
    const stationId = await harness.station({ lat: 31.2, lon: 121.5 });
    await harness.get(StationRepository).setWebhook(stationId, 'http://127.0.0.1:9/hook', 'secret');
    // A reaction like any other, registered after notifications and webhooks, that fails on demand.
    harness.get(TicketDomainEvents).on('ticket.routed', () => {
      if (failure) throw failure;
    });
  });
  afterAll(() => harness.stop());

  const open = () =>
    harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({
        customerId: CUSTOMER,
        qualityType: 'brakes',
        description: 'brakes squeal',
        channel: 'phone',
        location: { lat: 31.2, lon: 121.5 },
      });
  const counts = async () =>
    Promise.all(
      TABLES.map(async (table) => {
        const [{ n }] = await harness.query<{ n: number }>(`SELECT count(*)::int AS n FROM service.${table}`);
        return `${table}: ${n}`;
      }),
    );

  it('writes the customer messages and the station webhook in the transaction that opens and routes the ticket', async () => {
    const ticket = (await open().expect(201)).body as { ticketId: string; status: string };
    expect(ticket.status).toBe('routed');
    const kinds = await harness.query<{ kind: string }>(
      `SELECT DISTINCT kind FROM service.customer_notification WHERE ticket_id = $1 ORDER BY kind`,
      [ticket.ticketId],
    );
    expect(kinds.map((row) => row.kind)).toEqual(['station-assigned', 'ticket-received']);
    const webhooks = await harness.query(`SELECT id FROM service.webhook_delivery WHERE ticket_id = $1`, [
      ticket.ticketId,
    ]);
    expect(webhooks).toHaveLength(1);
    expect(await harness.outboxTypes(ticket.ticketId)).toEqual([TicketOpened.type, TicketRouted.type]);
  });

  it('rolls back the ticket, its journal, its events, messages and webhook when a reaction fails', async () => {
    const before = await counts();
    failure = new Error('a reaction failed');
    try {
      const response = await open();
      expect(response.status).toBe(500);
    } finally {
      failure = null;
    }
    expect(await counts()).toEqual(before);
  });
});
