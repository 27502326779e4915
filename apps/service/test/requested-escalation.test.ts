import { randomUUID } from 'node:crypto';
import { EventEnvelope, TicketEscalated, TicketEscalationRequested } from '@crm/contracts';
import { eventually, stampedEvent } from '@crm/testing';
import { ServiceHarness } from './service.harness';

const CUSTOMER = '6f1c1c1e-0000-4000-8000-000000000043';

describe('escalation requested by a workflow rule (workflow-command.ticket-escalation-requested)', () => {
  let harness: ServiceHarness;
  let agent: string;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    await harness.customer(CUSTOMER);
    agent = await harness.as(['agent']);
  });
  afterAll(() => harness?.stop());

  const open = () =>
    harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({ customerId: CUSTOMER, qualityType: 'brakes', description: 'brakes fail', channel: 'phone' })
      .expect(201)
      .then((r) => r.body.ticketId as string);
  const request = async (ticketId: string): Promise<EventEnvelope> => {
    const envelope = stampedEvent(
      TicketEscalationRequested,
      ticketId,
      {
        ticketId,
        note: 'critical complaint, call back today',
        ruleId: randomUUID(),
        firingId: randomUUID(),
        requestedAt: new Date().toISOString(),
      },
      { occurredAt: new Date().toISOString(), producer: 'integration' },
    );
    await harness.publishEnvelope(envelope);
    return envelope;
  };
  const handled = (envelope: EventEnvelope) =>
    eventually(
      async () =>
        expect(
          await harness.query(`SELECT 1 FROM service.processed_event WHERE event_id = $1`, [envelope.id]),
        ).toHaveLength(1),
      60_000,
    );
  const escalations = async (ticketId: string) =>
    (await harness.outboxTypes(ticketId)).filter((type) => type === TicketEscalated.type);

  it('escalates the ticket once as manual with the note; a second request changes nothing', async () => {
    const ticketId = await open();
    await handled(await request(ticketId));
    expect(await escalations(ticketId)).toHaveLength(1);
    const [escalated] = await harness.query<{ reason: string }>(
      `SELECT envelope->'payload'->>'reason' AS reason FROM service.outbox_message
        WHERE message_key = $1 AND envelope->>'type' = $2`,
      [ticketId, TicketEscalated.type],
    );
    expect(escalated.reason).toBe('manual');
    const ticket = await harness.http().get(`/tickets/${ticketId}`).set('Authorization', agent).expect(200);
    expect(ticket.body.escalated).toBe(true);
    await handled(await request(ticketId));
    expect(await escalations(ticketId)).toHaveLength(1);
  });

  it('skips a ticket it does not know and carries on with the next request', async () => {
    await handled(await request(randomUUID()));
    const ticketId = await open();
    await handled(await request(ticketId));
    expect(await escalations(ticketId)).toHaveLength(1);
  });
});
