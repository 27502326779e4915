import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CustomerErased,
  EventEnvelope,
  InteractionRecorded,
  PartnerKinds,
  PayloadOf,
  Roles,
} from '@crm/contracts';
import { kafkaTransportOptions } from '@crm/messaging';
import { eventually, stampedEvent, testPlatformConfig } from '@crm/testing';
import { ProjectionRebuild } from '../src/rebuild/projection-rebuild';
import { AnalyticsHarness } from './analytics.harness';
import { expectProcessed } from './processed-events';
import { complaintEvent, interactionEvent } from './market-events.fixture';
import { publishEnvelopes, TicketStory } from './ticket-events.fixture';

const OCTOBER = 'from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z';
const day = (d: number, month = 10) =>
  `2026-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}T02:00:00.000Z`;

describe('call-center agent KPIs from contacts, complaints and tickets (real Kafka and PostgreSQL)', () => {
  let harness: AnalyticsHarness;
  let analyst: string;
  const namespace = `a${randomBytes(4).toString('hex')}.`;
  const [anna, ben] = ['anna', 'ben'].map((name) => `${name}-${randomBytes(2).toString('hex')}`);
  const [c1, c2, c3] = [randomUUID(), randomUUID(), randomUUID()];
  const events: EventEnvelope[] = [];

  const kpis = async (query = '', token = analyst) =>
    (
      await harness
        .http()
        .get(`/analytics/agents/kpis?${OCTOBER}${query}`)
        .set('Authorization', token)
        .expect(200)
    ).body;
  // A new consumer group may take a while to join on a busy machine: the wait is for the events, not a time.
  const allApplied = (list: EventEnvelope[]) => eventually(() => expectProcessed(harness, list), 120_000);

  beforeAll(async () => {
    harness = await AnalyticsHarness.start({ kafkaNamespace: namespace });
    analyst = await harness.auth({ roles: [Roles.analyst] });
    const rated = [4, 2].map((score) => {
      const story = new TicketStory({ vehicleId: null });
      events.push(story.step('ticket.satisfaction-recorded', 600, 'closed', { score, comment: null }));
      return story.ticketId;
    });
    events.push(
      // c1 calls anna again within 7 days: the first call was not resolved, the second was.
      interactionEvent({ agentId: anna, customerId: c1, at: day(2), durationSeconds: 300 }),
      interactionEvent({ agentId: anna, customerId: c1, at: day(5), durationSeconds: 200 }),
      interactionEvent({
        agentId: anna,
        customerId: c2,
        at: day(10),
        channel: 'email',
        durationSeconds: null,
      }),
      // Outbound: a call handled, not a contact to resolve.
      interactionEvent({
        agentId: anna,
        customerId: c3,
        at: day(12),
        direction: 'outbound',
        durationSeconds: 400,
      }),
      // An unknown caller, untimed: a call handled; no customer to see a repeat of.
      interactionEvent({ agentId: anna, customerId: null, at: day(13), durationSeconds: null }),
      // Before the window.
      interactionEvent({ agentId: anna, customerId: c2, at: day(30, 9), durationSeconds: 999 }),
      interactionEvent({ agentId: ben, customerId: c3, at: day(21), durationSeconds: 500 }),
      interactionEvent({ agentId: ben, customerId: c3, at: day(25), durationSeconds: 300 }),
      complaintEvent(anna, c1, rated[0], day(2)),
      complaintEvent(anna, c2, rated[1], day(10)),
      complaintEvent(ben, c3, randomUUID(), day(21)),
    );
    await publishEnvelopes(harness, events);
    await allApplied(events);
  }, 180_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const ANNA = {
    agentId: anna,
    contacts: 5,
    calls: 4,
    complaintsTaken: 2,
    timedCalls: 3,
    averageHandlingSeconds: 300,
    firstContactResolution: 2 / 3,
    ratedComplaints: 2,
    complaintSatisfaction: 3,
  };
  const BEN = {
    agentId: ben,
    contacts: 2,
    calls: 2,
    complaintsTaken: 1,
    timedCalls: 2,
    averageHandlingSeconds: 400,
    firstContactResolution: 0.5,
    ratedComplaints: 0,
    complaintSatisfaction: null,
  };

  it('reports calls, complaints, handling time, first-contact resolution and follow-up satisfaction per agent', async () => {
    const body = await kpis();
    expect(body.items).toEqual([ANNA, BEN]);
    expect(body).toMatchObject({ total: 2, limit: 20, offset: 0 });
    expect(body.window.basis).toBe(
      'contacts and complaints recorded in [from, to); repeat contacts looked for up to 7 days after',
    );
    expect(body.freshness.newestEventAt).toBe(day(25));
    expect((await kpis(`&agentId=${ben}`)).items).toEqual([BEN]);
    expect(await kpis('&limit=1&offset=1')).toMatchObject({ total: 2, items: [BEN] });
  });

  it('changes nothing for a duplicate contact, complaint or rating', async () => {
    await publishEnvelopes(harness, events.slice(0, 4));
    const copied = events[2].payload as PayloadOf<typeof InteractionRecorded>;
    // A later copy of a recorded contact: the contact was recorded once, the copy adds nothing.
    const redelivered = stampedEvent(
      InteractionRecorded,
      events[2].aggregateId,
      { ...copied, durationSeconds: 9_999 },
      { occurredAt: day(28) },
    );
    await publishEnvelopes(harness, [redelivered]);
    await allApplied([redelivered]);
    expect((await kpis()).items).toEqual([ANNA, BEN]);
  });

  it("forgets an erased customer's id, keeping the counts", async () => {
    const erased = stampedEvent(
      CustomerErased,
      c2,
      { customerId: c2, erasedAt: day(29) },
      { occurredAt: day(29) },
    );
    await publishEnvelopes(harness, [erased]);
    await allApplied([erased]);
    expect(
      await harness.query(`SELECT 1 FROM analytics.agent_interaction WHERE customer_id = $1`, [c2]),
    ).toEqual([]);
    // c2's inbound email can no longer be told resolved: anna's rate is over c1's two calls.
    expect((await kpis()).items).toEqual([{ ...ANNA, firstContactResolution: 0.5 }, BEN]);
  });

  it('rebuilds from offset zero to the same numbers (the erasure included)', async () => {
    const before = await kpis();
    await new ProjectionRebuild({
      dataSource: harness.app.get(DataSource),
      kafka: kafkaTransportOptions(
        'analytics',
        testPlatformConfig({
          DATABASE_URL: harness.database.url,
          AUTH_JWKS_URL: harness.tokens.jwksUrl,
          KAFKA_NAMESPACE: namespace,
        }),
      ),
      generation: 'agents',
    }).run();
    expect((await kpis()).items).toEqual(before.items);
  }, 120_000);

  it('lets managers and analysts read it, no agent, rep or dealer', async () => {
    const manager = await harness.auth({ roles: [Roles.serviceManager] });
    expect((await kpis('', manager)).total).toBe(2);
    const http = harness.http();
    for (const claims of [
      { roles: [Roles.agent] },
      { roles: [Roles.salesRep] },
      { roles: [Roles.dealer], partnerId: randomUUID(), partnerKind: PartnerKinds.dealer },
    ]) {
      const token = await harness.auth(claims);
      await http.get('/analytics/agents/kpis').set('Authorization', token).expect(403);
      await http.get('/analytics/agents/kpis/export').set('Authorization', token).expect(403);
    }
  });

  it('streams the rows as CSV', async () => {
    const csv = await harness
      .http()
      .get(`/analytics/agents/kpis/export?${OCTOBER}`)
      .set('Authorization', analyst)
      .expect(200)
      .expect('content-type', /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"agentId","contacts","calls","complaintsTaken","timedCalls","averageHandlingSeconds","firstContactResolution","ratedComplaints","complaintSatisfaction"',
    );
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(
      [anna, ben].map((id) => `"${id}"`).sort(),
    );
  });

  it('answers bad input with 400 naming the field', async () => {
    const { body } = await harness
      .http()
      .get('/analytics/agents/kpis?from=yesterday')
      .set('Authorization', analyst)
      .expect(400);
    expect(JSON.stringify(body)).toContain('from');
  });
});
