import { randomUUID } from 'node:crypto';
import { TicketSatisfactionRecorded } from '@crm/contracts';
import { ServiceHarness } from './service.harness';

const DEALER = randomUUID();
const vehicleId = randomUUID();
const RESOLUTION = {
  workDone: '更换电瓶',
  parts: [],
  cost: { amount: 420, currency: 'CNY' },
  technician: '李师傅',
};

describe('after the repair: the customer’s rating and the selling dealer’s view', () => {
  let harness: ServiceHarness;
  let agent: string;
  let ticketId: string;
  let stationId: string;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    agent = await harness.as(['agent']);
    stationId = await harness.station({ lat: 39.9, lon: 116.4, skills: ['electrical'] });
    const station = await harness.asStation(stationId);
    const customerId = await harness.customer(randomUUID(), [{ vehicleId, sellingDealerId: DEALER }]);
    const opened = await harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({
        customerId,
        vehicleId,
        qualityType: 'electrical',
        description: '电瓶没电',
        channel: 'phone',
        location: { lat: 39.91, lon: 116.41 },
      })
      .expect(201);
    ticketId = opened.body.ticketId;
    for (const [action, body] of [
      ['accept', {}],
      ['resolve', RESOLUTION],
    ] as const) {
      await harness
        .http()
        .post(`/station/tickets/${ticketId}/${action}`)
        .set('Authorization', station)
        .send(body)
        .expect(200);
    }
  });
  afterAll(() => harness.stop());

  it('refuses a rating before the ticket is resolved', async () => {
    const other = await harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({ customerId: await harness.customer(), qualityType: 'engine', description: 'x', channel: 'web' })
      .expect(201);
    await harness
      .http()
      .post(`/tickets/${other.body.ticketId}/satisfaction`)
      .set('Authorization', agent)
      .send({ score: 3 })
      .expect(409);
    await harness
      .http()
      .post(`/tickets/${other.body.ticketId}/survey-link`)
      .set('Authorization', agent)
      .expect(409);
  });

  it('takes the answer of a single-use survey link, kept only as a hash', async () => {
    const link = await harness
      .http()
      .post(`/tickets/${ticketId}/survey-link`)
      .set('Authorization', agent)
      .expect(201);
    expect(link.body.url).toContain(link.body.token);
    const stored = await harness.query(`SELECT token_hash FROM service.survey_token`);
    expect(JSON.stringify(stored)).not.toContain(link.body.token);

    const survey = await harness.http().get(`/survey/${link.body.token}`).expect(200);
    expect(survey.body).toMatchObject({ ticketId, qualityType: 'electrical' });
    await harness.http().post(`/survey/${link.body.token}`).send({ score: 4, comment: '还行' }).expect(200);
    await harness.http().post(`/survey/${link.body.token}`).send({ score: 1 }).expect(409);
    await harness.http().get(`/survey/${link.body.token}`).expect(409);

    const rated = await harness.http().get(`/tickets/${ticketId}`).set('Authorization', agent).expect(200);
    expect(rated.body.satisfaction).toMatchObject({ score: 4, comment: '还行' });
    expect((await harness.outboxTypes(ticketId)).filter((t) => t.includes('satisfaction'))).toEqual([
      TicketSatisfactionRecorded.type,
    ]);
    await harness
      .http()
      .post(`/tickets/${ticketId}/satisfaction`)
      .set('Authorization', agent)
      .send({ score: 5 })
      .expect(409);
  });

  it('lets the selling dealer list and read its customers’ tickets, and nothing else', async () => {
    const dealer = await harness.as(['dealer'], { id: DEALER, kind: 'dealer' });
    const other = await harness.as(['dealer'], { id: randomUUID(), kind: 'dealer' });
    const list = await harness.http().get('/dealer/tickets').set('Authorization', dealer).expect(200);
    expect(list.body.items.map((t: { ticketId: string }) => t.ticketId)).toEqual([ticketId]);
    const station = await harness
      .http()
      .get(`/stations/${stationId}`)
      .set('Authorization', agent)
      .expect(200);
    expect(list.body.items[0].stationName).toBe(station.body.name);
    const one = await harness
      .http()
      .get(`/dealer/tickets/${ticketId}`)
      .set('Authorization', dealer)
      .expect(200);
    expect(one.body.timeline.steps.map((s: { step: string }) => s.step)).toContain('resolved');
    expect(one.body.stationName).toBe(station.body.name);

    await harness.http().get(`/dealer/tickets/${ticketId}`).set('Authorization', other).expect(404);
    expect(
      (await harness.http().get('/dealer/tickets').set('Authorization', other).expect(200)).body.items,
    ).toEqual([]);
    await harness.http().get(`/tickets/${ticketId}`).set('Authorization', dealer).expect(403);
    await harness.http().get('/station/tickets').set('Authorization', dealer).expect(403);
  });
});
