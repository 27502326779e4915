import { Roles } from '@crm/contracts';
import { SalesHarness } from './sales.harness';

describe('opportunities through a pipeline to won or lost', () => {
  let sales: SalesHarness;
  let rep: string;
  let manager: string;

  beforeAll(async () => {
    sales = await SalesHarness.start();
    await sales.tree([
      ['manager', null],
      ['rep', 'manager'],
    ]);
    rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
    manager = await sales.auth({ sub: 'manager', roles: [Roles.salesManager] });
  });

  afterAll(() => sales?.stop());

  async function open(body: object = {}) {
    const res = await sales
      .http()
      .post('/opportunities')
      .set('authorization', rep)
      .send({ name: 'Aurora S7', ...body })
      .expect(201);
    return res.body.id as string;
  }

  it('keeps every stage change with who and when, and answers 409 for winning without an amount', async () => {
    const id = await open({ expectedCloseDate: '2026-12-20' });
    await sales
      .http()
      .post(`/opportunities/${id}/stage`)
      .set('authorization', rep)
      .send({ stage: 'test_drive' })
      .expect(200);
    const moved = await sales
      .http()
      .post(`/opportunities/${id}/stage`)
      .set('authorization', manager)
      .send({ stage: 'negotiation' })
      .expect(200);
    expect(moved.body).toMatchObject({ stage: 'negotiation', probability: 80 });

    const noAmount = await sales
      .http()
      .post(`/opportunities/${id}/win`)
      .set('authorization', rep)
      .send({ reason: 'signed' })
      .expect(409);
    expect(noAmount.headers['content-type']).toContain('application/problem+json');

    const won = await sales
      .http()
      .post(`/opportunities/${id}/win`)
      .set('authorization', rep)
      .send({ reason: 'signed', amount: { amount: 199900.5 } })
      .expect(200);
    expect(won.body).toMatchObject({
      stage: 'won',
      probability: 100,
      amount: { amount: 199900.5, currency: 'CNY' },
      closeReason: 'signed',
    });
    await sales
      .http()
      .post(`/opportunities/${id}/stage`)
      .set('authorization', rep)
      .send({ stage: 'proposal' })
      .expect(409);
    await sales
      .http()
      .post(`/opportunities/${id}/lose`)
      .set('authorization', rep)
      .send({ reason: 'x' })
      .expect(409);

    const detail = await sales.http().get(`/opportunities/${id}`).set('authorization', manager).expect(200);
    expect(
      detail.body.history.map((h: { fromStage: string; toStage: string; changedBy: string }) => h),
    ).toEqual([
      expect.objectContaining({ fromStage: null, toStage: 'prospecting', changedBy: 'rep' }),
      expect.objectContaining({ fromStage: 'prospecting', toStage: 'test_drive', changedBy: 'rep' }),
      expect.objectContaining({ fromStage: 'test_drive', toStage: 'negotiation', changedBy: 'manager' }),
      expect.objectContaining({ fromStage: 'negotiation', toStage: 'won', changedBy: 'rep' }),
    ]);
    expect(Date.parse(detail.body.history[3].changedAt)).not.toBeNaN();

    const events = (await sales.outbox()).filter((e) => e.aggregateId === id).map((e) => e.type);
    expect(events).toEqual([
      'opportunity.stage-changed',
      'opportunity.stage-changed',
      'opportunity.stage-changed',
      'opportunity.stage-changed',
      'opportunity.won',
    ]);
    const [wonEvent] = await sales.outbox('opportunity.won');
    expect(wonEvent.payload).toMatchObject({
      opportunityId: id,
      amount: { amount: 199900.5, currency: 'CNY' },
      reason: 'signed',
      salesCycleDays: 0,
      expectedCloseDate: '2026-12-20',
    });
  });

  it('loses with a reason, in another currency, and refuses closing by a stage move', async () => {
    const id = await open({ amount: { amount: 30000, currency: 'USD' } });
    await sales
      .http()
      .post(`/opportunities/${id}/stage`)
      .set('authorization', rep)
      .send({ stage: 'won' })
      .expect(409);
    await sales
      .http()
      .post(`/opportunities/${id}/stage`)
      .set('authorization', rep)
      .send({ stage: 'no_such_stage' })
      .expect(400);
    await sales.http().post(`/opportunities/${id}/lose`).set('authorization', rep).send({}).expect(400);
    const lost = await sales
      .http()
      .post(`/opportunities/${id}/lose`)
      .set('authorization', rep)
      .send({ reason: '选择了竞品' })
      .expect(200);
    expect(lost.body).toMatchObject({
      stage: 'lost',
      probability: 0,
      amount: { amount: 30000, currency: 'USD' },
    });
    const [event] = (await sales.outbox('opportunity.lost')).filter((e) => e.aggregateId === id);
    expect(event.payload).toMatchObject({ reason: '选择了竞品', stage: 'lost' });
  });

  it('runs opportunities in a configured pipeline with its own stages and probabilities', async () => {
    const created = await sales
      .http()
      .post('/pipelines')
      .set('authorization', manager)
      .send({
        name: 'Fleet',
        stages: [
          { key: 'tender', name: 'Tender', probability: 15 },
          { key: 'trial', name: 'Trial fleet', probability: 55 },
        ],
      })
      .expect(201);
    expect(created.body.stages.map((s: { key: string }) => s.key)).toEqual([
      'tender',
      'trial',
      'won',
      'lost',
    ]);
    await sales
      .http()
      .post('/pipelines')
      .set('authorization', rep)
      .send({ name: 'x', stages: [] })
      .expect(403);
    await sales
      .http()
      .post('/pipelines')
      .set('authorization', manager)
      .send({ name: 'Fleet', stages: [{ key: 'a', name: 'A', probability: 1 }] })
      .expect(409);

    const id = await open({ pipelineId: created.body.id });
    const detail = await sales.http().get(`/opportunities/${id}`).set('authorization', rep).expect(200);
    expect(detail.body).toMatchObject({ stage: 'tender', probability: 15 });
    await sales
      .http()
      .post(`/opportunities/${id}/stage`)
      .set('authorization', rep)
      .send({ stage: 'negotiation' })
      .expect(400);
    const listed = await sales.http().get('/pipelines').set('authorization', rep).expect(200);
    expect(listed.body.map((p: { name: string }) => p.name)).toEqual(['Vehicle sales', 'Fleet']);
  });

  it('validates input as problem+json: dates, amounts, currency, ids', async () => {
    for (const body of [
      { name: 'x', expectedCloseDate: '2026-02-30' },
      { name: 'x', amount: { amount: -1 } },
      { name: 'x', amount: { amount: 1, currency: 'yuan' } },
      { name: 'x', pipelineId: 'nope' },
      { name: '' },
    ]) {
      const res = await sales.http().post('/opportunities').set('authorization', rep).send(body);
      expect({ body, status: res.status, type: res.headers['content-type'] }).toEqual({
        body,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    await sales.http().get('/opportunities/not-a-uuid').set('authorization', rep).expect(400);
    await sales.http().get('/opportunities?limit=0').set('authorization', rep).expect(400);
    await sales.http().get('/opportunities').expect(401);
    await sales
      .http()
      .get('/opportunities')
      .set('authorization', await sales.auth({ sub: 'a', roles: [Roles.agent] }))
      .expect(403);
  });
});
