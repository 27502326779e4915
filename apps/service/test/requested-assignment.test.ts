import { randomUUID } from 'node:crypto';
import { EventEnvelope, TicketAssignmentRequested, TicketRouted } from '@crm/contracts';
import { eventually, stampedEvent } from '@crm/testing';
import { ServiceHarness } from './service.harness';

const KM = 1 / 111.2;
const AT = { lat: 30.6, lon: 114.3 };

describe('assignment requested by a workflow rule (workflow-command.ticket-assignment-requested)', () => {
  let harness: ServiceHarness;
  let agent: string;
  let customerId: string;
  const station: Record<'near' | 'chosen' | 'full', string> = {} as never;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    agent = await harness.as(['agent']);
    customerId = await harness.customer();
    station.near = await harness.station({ name: '武汉近站', lat: AT.lat + KM, lon: AT.lon, capacity: 50 });
    station.chosen = await harness.station({ name: '武汉授权站', lat: AT.lat + 20 * KM, lon: AT.lon });
    station.full = await harness.station({
      name: '武汉满站',
      lat: AT.lat + 30 * KM,
      lon: AT.lon,
      capacity: 0,
    });
  });
  afterAll(() => harness?.stop());

  const open = async (): Promise<string> => {
    const opened = await harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({ customerId, qualityType: 'brakes', description: '刹车异响', channel: 'phone', location: AT })
      .expect(201);
    expect(opened.body.stationId).toBe(station.near);
    return opened.body.ticketId;
  };
  const request = async (ticketId: string, stationId: string): Promise<EventEnvelope> => {
    const envelope = stampedEvent(
      TicketAssignmentRequested,
      ticketId,
      {
        ticketId,
        stationId,
        note: 'battery work goes to the authorised station',
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
  const ticket = async (ticketId: string) =>
    (await harness.http().get(`/tickets/${ticketId}`).set('Authorization', agent).expect(200)).body;
  const routings = async (ticketId: string) =>
    (await harness.outboxTypes(ticketId)).filter((type) => type === TicketRouted.type);
  const slotsTaken = async (stationId: string) =>
    (
      await harness.query<{ open_tickets: number }>(
        `SELECT open_tickets FROM service.station WHERE id = $1`,
        [stationId],
      )
    )[0].open_tickets;

  it('sends the ticket to the named station as a re-route does, once, with the rule’s note in the timeline', async () => {
    const ticketId = await open();
    const [nearBefore, chosenBefore] = [await slotsTaken(station.near), await slotsTaken(station.chosen)];
    const command = await request(ticketId, station.chosen);
    await handled(command);
    expect(await ticket(ticketId)).toMatchObject({ stationId: station.chosen, status: 'routed' });
    expect(await routings(ticketId)).toHaveLength(2);
    expect(await slotsTaken(station.near)).toBe(nearBefore - 1);
    expect(await slotsTaken(station.chosen)).toBe(chosenBefore + 1);
    const timeline = await harness.http().get(`/tickets/${ticketId}/timeline`).set('Authorization', agent);
    expect(timeline.body.steps.at(-1)).toMatchObject({
      step: 'routed',
      stationId: station.chosen,
      note: 'by hand from 武汉近站 to 武汉授权站: workflow: battery work goes to the authorised station',
    });

    await harness.publishEnvelope(command);
    await handled(await request(ticketId, station.chosen));
    expect(await routings(ticketId)).toHaveLength(2);
    expect(await slotsTaken(station.chosen)).toBe(chosenBefore + 1);
  });

  it('leaves the ticket where it is when the station is full or unknown, and carries on with the next command', async () => {
    const ticketId = await open();
    const nearBefore = await slotsTaken(station.near);
    await handled(await request(ticketId, station.full));
    await handled(await request(ticketId, randomUUID()));
    await handled(await request(randomUUID(), station.chosen));
    expect(await ticket(ticketId)).toMatchObject({ stationId: station.near });
    expect(await slotsTaken(station.near)).toBe(nearBefore);
    expect(await routings(ticketId)).toHaveLength(1);

    await handled(await request(ticketId, station.chosen));
    expect(await ticket(ticketId)).toMatchObject({ stationId: station.chosen });
  });
});
