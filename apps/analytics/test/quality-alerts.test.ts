import { randomBytes } from 'node:crypto';
import { EventEnvelope, QualityAlertRaised, Roles } from '@crm/contracts';
import { DataSource } from 'typeorm';
import { eventually, readTopicRecords } from '@crm/testing';
import { QualityAlertChecker } from '../src/quality/quality-alert-checker';
import { AnalyticsHarness } from './analytics.harness';
import { publishEnvelopes, registerVehicle, T0, TicketStory } from './ticket-events.fixture';

/** Engine complaints of one model per month: noise around 6, then 12 (within range) and a jump to 30. */
const HISTORY: Record<string, number> = {
  '2025-05': 5,
  '2025-06': 6,
  '2025-07': 4,
  '2025-08': 7,
  '2025-09': 5,
  '2025-10': 9,
  '2025-11': 6,
  '2025-12': 5,
  '2026-01': 8,
  '2026-02': 4,
  '2026-03': 6,
  '2026-04': 7,
  '2026-05': 12,
  '2026-06': 30,
};

const minutesFromT0 = (iso: string) => (new Date(iso).getTime() - T0.getTime()) / 60_000;

function complaint(vehicleId: string, month: string, index: number): EventEnvelope {
  const openedAt = `${month}-10T${String(index % 24).padStart(2, '0')}:00:00.000Z`;
  const story = new TicketStory({ vehicleId }, minutesFromT0(openedAt));
  return story.step('ticket.opened', minutesFromT0(openedAt), 'new');
}

describe('quality feedback: complaint rates and alerts on jumps (real Kafka and PostgreSQL)', () => {
  let harness: AnalyticsHarness;
  let analyst: string;
  const namespace = `q${randomBytes(4).toString('hex')}.`;
  const model = `Q${randomBytes(3).toString('hex')}`;
  const check = (month: string) =>
    harness
      .http()
      .post('/analytics/quality/alerts/check')
      .set('Authorization', analyst)
      .send({ month })
      .expect(200);

  beforeAll(async () => {
    harness = await AnalyticsHarness.start({ kafkaNamespace: namespace });
    analyst = await harness.auth({ roles: [Roles.analyst] });
    const fleet = await Promise.all([1, 2, 3, 4].map(() => registerVehicle(harness, model)));
    const other = await registerVehicle(harness, `${model}-other`);
    const complaints = Object.entries(HISTORY).flatMap(([month, count]) =>
      Array.from({ length: count }, (_, i) => complaint(fleet[i % fleet.length], month, i)),
    );
    const unrelated = [
      complaint(other, '2026-06', 0),
      new TicketStory({ vehicleId: null }).step('ticket.opened', 0, 'new'),
    ];
    const all = [...complaints, ...unrelated];
    await publishEnvelopes(harness, all);
    await eventually(async () => {
      const [{ count }] = await harness.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM analytics.processed_event WHERE event_id = ANY($1)`,
        [all.map((event) => event.id)],
      );
      expect(count).toBe(all.length);
    }, 60_000);
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('reports complaints per 1,000 vehicles by model, quality type and month', async () => {
    const { body } = await harness
      .http()
      .get(`/analytics/quality/complaint-rates?from=2026-05&to=2026-06&limit=3`)
      .set('Authorization', analyst)
      .expect(200);
    expect(body.total).toBe(3);
    expect(body.items).toEqual([
      {
        model,
        qualityType: 'engine',
        month: '2026-06',
        complaints: 30,
        vehicles: 4,
        complaintsPer1000: 7500,
      },
      {
        model: `${model}-other`,
        qualityType: 'engine',
        month: '2026-06',
        complaints: 1,
        vehicles: 1,
        complaintsPer1000: 1000,
      },
      {
        model,
        qualityType: 'engine',
        month: '2026-05',
        complaints: 12,
        vehicles: 4,
        complaintsPer1000: 3000,
      },
    ]);
  });

  it('raises no alert on noisy months within range, nor without 6 months of baseline', async () => {
    for (const month of ['2025-10', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'])
      expect((await check(month)).body.raised).toEqual([]);
    expect(await harness.outbox(QualityAlertRaised.type)).toEqual([]);
  });

  it('skips the scheduled check while another instance holds the check lock', async () => {
    const other = harness.app.get(DataSource).createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(`SELECT pg_advisory_xact_lock(hashtext('analytics.quality_alert_check'))`);
      expect(await harness.app.get(QualityAlertChecker).checkUnlessRunning(['2026-06'])).toEqual([]);
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    expect(await harness.outbox(QualityAlertRaised.type)).toEqual([]);
  });

  it('raises one alert on a jump, through the outbox onto crm.quality.v1, and never again for that cell and month', async () => {
    const first = (await check('2026-06')).body;
    expect(first.raised).toHaveLength(1);
    // Baseline 2025-12..2026-05 and 2025-06: 5, 8, 4, 6, 7, 12, 6; mean 48/7, sample sd 2.61, Poisson floor 2.62.
    expect(first.raised[0]).toMatchObject({
      model,
      qualityType: 'engine',
      month: '2026-06',
      complaints: 30,
      vehicles: 4,
    });
    expect(first.raised[0].expected).toBeCloseTo(48 / 7, 9);
    expect(first.raised[0].upperBound).toBeCloseTo(48 / 7 + 3 * Math.sqrt(48 / 7), 9);

    expect((await check('2026-06')).body.raised).toEqual([]);
    await harness.app.get(QualityAlertChecker).checkUnlessRunning(['2026-05', '2026-06']);
    const events = await harness.outbox(QualityAlertRaised.type);
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({
      model,
      month: '2026-06',
      complaintsPer1000: 7500,
      baselineMonths: ['2025-06', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'],
    });
    await eventually(async () => {
      const records = await readTopicRecords(`${namespace}crm.quality.v1`);
      expect(records.map((record) => JSON.parse(record.value!).id)).toEqual([events[0].id]);
    }, 30_000);

    const { body } = await harness
      .http()
      .get('/analytics/quality/alerts')
      .set('Authorization', analyst)
      .expect(200);
    expect(body.total).toBe(1);
  });

  it("lists a cell's underlying tickets", async () => {
    const { body } = await harness
      .http()
      .get(
        `/analytics/quality/complaint-rates/tickets?model=${model}&qualityType=engine&month=2026-05&limit=5`,
      )
      .set('Authorization', analyst)
      .expect(200);
    expect(body.total).toBe(12);
    expect(body.items).toHaveLength(5);
    expect(
      body.items.every(
        (ticket: { model: string; openedAt: string }) =>
          ticket.model === model && ticket.openedAt.startsWith('2026-05'),
      ),
    ).toBe(true);
  });

  it('exports every cell, every ticket of a cell and every alert as CSV with a BOM, not one page', async () => {
    const csvOf = async (path: string) => {
      const response = await harness
        .http()
        .get(path)
        .set('Authorization', analyst)
        .expect(200)
        .expect('content-type', /text\/csv/);
      expect(response.text.startsWith('\uFEFF')).toBe(true);
      return response.text.slice(1).trimEnd().split('\r\n');
    };
    const cells = await csvOf('/analytics/quality/complaint-rates/export?from=2025-06&to=2026-06');
    const { body: cellPage } = await harness
      .http()
      .get('/analytics/quality/complaint-rates?from=2025-06&to=2026-06&limit=1')
      .set('Authorization', analyst)
      .expect(200);
    expect(cells[0]).toBe('"month","model","qualityType","complaints","vehicles","complaintsPer1000"');
    expect(cells).toHaveLength(cellPage.total + 1);
    expect(cells[1]).toBe(`"2026-06","${model}","engine","30","4","7500"`);

    const tickets = await csvOf(
      `/analytics/quality/complaint-rates/tickets/export?model=${model}&qualityType=engine&month=2026-05`,
    );
    expect(tickets).toHaveLength(12 + 1);
    expect(tickets.slice(1).every((line) => line.includes(`"${model}"`) && line.includes('"2026-05'))).toBe(
      true,
    );

    const alerts = await csvOf('/analytics/quality/alerts/export?month=2026-06');
    expect(alerts).toHaveLength(2);
    expect(alerts[1]).toContain(`"2026-06","${model}","engine","30","4"`);
    await harness
      .http()
      .get('/analytics/quality/complaint-rates/export?from=2026-06&to=2026-05')
      .set('Authorization', analyst)
      .expect(400);
    const dealer = await harness.auth({ roles: [Roles.dealer] });
    await harness.http().get('/analytics/quality/alerts/export').set('Authorization', dealer).expect(403);
  });

  it('keeps it to analysts and managers, and names a bad month', async () => {
    const dealer = await harness.auth({ roles: [Roles.dealer] });
    await harness.http().get('/analytics/quality/complaint-rates').set('Authorization', dealer).expect(403);
    const { body } = await harness
      .http()
      .post('/analytics/quality/alerts/check')
      .set('Authorization', analyst)
      .send({ month: '2026-13' })
      .expect(400);
    expect(JSON.stringify(body)).toContain('month');
  });
});
