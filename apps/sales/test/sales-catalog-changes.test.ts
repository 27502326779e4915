import { Roles } from '@crm/contracts';
import { addCatalog, CatalogFixture } from './catalog.fixture';
import { SalesHarness } from './sales.harness';

describe('changing the catalog after the fact', () => {
  let sales: SalesHarness;
  let admin: string;
  let rep: string;
  let catalog: CatalogFixture;

  const patch = (path: string, body: object, as = admin) =>
    sales.http().patch(`/catalog/${path}`).set('authorization', as).send(body);
  const post = (path: string, body: object = {}, as = admin) =>
    sales.http().post(path).set('authorization', as).send(body);

  beforeAll(async () => {
    sales = await SalesHarness.start();
    await sales.tree([['rep', null]]);
    admin = await sales.auth({ sub: 'admin', roles: [Roles.admin] });
    rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
    catalog = await addCatalog(sales);
  });

  afterAll(() => sales?.stop());

  it('edits models, trims, selling points and FAQs, and search finds what they say now', async () => {
    const model = await patch(`models/${catalog.modelId}`, {
      name: 'Borealis S8 北极光',
      description: null,
    }).expect(200);
    expect(model.body).toMatchObject({ name: 'Borealis S8 北极光', description: null, retiredAt: null });
    const trim = await patch(`trims/${catalog.trimId}`, { seats: 7, specs: { 'battery kWh': 100 } }).expect(
      200,
    );
    expect(trim.body).toMatchObject({ seats: 7, specs: { 'battery kWh': 100 }, powerKw: 250, rangeKm: 702 });

    const point = (
      await post(`/catalog/models/${catalog.modelId}/selling-points`, { text: '标配激光雷达' }).expect(201)
    ).body;
    const faq = (
      await post(`/catalog/models/${catalog.modelId}/faqs`, {
        question: '保修几年？',
        answer: '三年',
      }).expect(201)
    ).body;
    expect(
      (
        await patch(`selling-points/${point.id}`, {
          text: '标配激光雷达与双 Orin 芯片',
          trimId: catalog.trimId,
        }).expect(200)
      ).body,
    ).toMatchObject({
      kind: 'selling_point',
      title: '标配激光雷达与双 Orin 芯片',
      trimId: catalog.trimId,
      body: null,
    });
    expect(
      (await patch(`faqs/${faq.id}`, { answer: '整车八年或十六万公里' }).expect(200)).body,
    ).toMatchObject({
      title: '保修几年？',
      body: '整车八年或十六万公里',
      trimId: null,
    });

    const detail = await sales
      .http()
      .get(`/catalog/models/${catalog.modelId}`)
      .set('authorization', rep)
      .expect(200);
    expect(detail.body.trims.find((t: { id: string }) => t.id === catalog.trimId)).toMatchObject({
      seats: 7,
    });
    const search = async (q: string) =>
      (
        await sales.http().get('/catalog/search').query({ q }).set('authorization', rep).expect(200)
      ).body.items.map((hit: { id: string }) => hit.id);
    expect(await search('Borealis')).toEqual(expect.arrayContaining([catalog.modelId, catalog.trimId]));
    const stillAurora = await search('Aurora'); // the model's code keeps the word; its trims' documents do not
    expect(stillAurora).not.toContain(catalog.trimId);
    expect(stillAurora).not.toContain(catalog.otherTrimId);
    expect(await search('Orin')).toEqual([point.id]);
    expect(await search('十六万公里')).toEqual([faq.id]);
  });

  it('names the bad field, keeps codes, answers 404 for another kind of note and 403 to a rep', async () => {
    const point = (
      await post(`/catalog/models/${catalog.modelId}/selling-points`, { text: '静音' }).expect(201)
    ).body;
    const nullName = await patch(`trims/${catalog.trimId}`, { name: null }).expect(400);
    expect(new Set(nullName.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['name']));
    expect(
      JSON.stringify((await patch(`trims/${catalog.trimId}`, { seats: 40 }).expect(400)).body),
    ).toContain('seats');
    expect(
      JSON.stringify((await patch(`models/${catalog.modelId}`, { code: 'NEW-CODE' }).expect(400)).body),
    ).toContain('code');
    await patch(`faqs/${point.id}`, { answer: 'x' }).expect(404);
    await patch(`selling-points/${point.id}`, { trimId: '2f1e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b' }).expect(404);
    await patch('models/2f1e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b', { name: 'x' }).expect(404);
    await patch(`models/${catalog.modelId}`, { name: 'by a rep' }, rep).expect(403);
    await post(`/catalog/trims/${catalog.trimId}/retire`, {}, rep).expect(403);
  });

  it('ends a price after the fact under the no-overlap rule, one change of a trim at a time', async () => {
    const price = (body: object) =>
      post(`/catalog/trims/${catalog.otherTrimId}/prices`, {
        region: 'CN-BJ',
        price: { amount: 199900 },
        ...body,
      });
    const first = (await price({ validFrom: '2027-01-01' }).expect(201)).body;
    const ended = await patch(`prices/${first.id}`, { validTo: '2027-03-31' }).expect(200);
    expect(ended.body).toMatchObject({ id: first.id, validFrom: '2027-01-01', validTo: '2027-03-31' });
    const second = (await price({ validFrom: '2027-07-01' }).expect(201)).body;

    const overlap = await patch(`prices/${first.id}`, { validTo: '2027-07-01' }).expect(409);
    expect(overlap.headers['content-type']).toContain('application/problem+json');
    expect(overlap.body).toMatchObject({ field: 'validTo', conflictingPriceId: second.id });
    await patch(`prices/${first.id}`, { validTo: null }).expect(409);
    expect((await patch(`prices/${first.id}`, { validTo: '2026-12-31' }).expect(400)).body.errors).toEqual([
      expect.objectContaining({ field: 'validTo' }),
    ]);
    expect(JSON.stringify((await patch(`prices/${first.id}`, {}).expect(400)).body)).toContain('validTo');
    await patch('prices/2f1e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b', { validTo: '2027-01-01' }).expect(404);

    // Lengthening the first price and adding one into the gap race for the same days: one wins, the other is a 409.
    const raced = await Promise.all([
      patch(`prices/${first.id}`, { validTo: '2027-05-31' }),
      price({ validFrom: '2027-05-01', validTo: '2027-06-30' }),
    ]);
    expect(raced.filter((res) => res.status === 409)).toHaveLength(1);
    expect(raced.filter((res) => res.status === 200 || res.status === 201)).toHaveLength(1);
    const prices = (
      await sales.http().get(`/catalog/trims/${catalog.otherTrimId}`).set('authorization', rep).expect(200)
    ).body.prices.filter((p: { region: string }) => p.region === 'CN-BJ');
    for (const [i, p] of prices.entries())
      if (i > 0) expect(p.validFrom > (prices[i - 1].validTo ?? '9999-12-31')).toBe(true);
  });

  it('retires a trim or a whole model: no new lines or quotes, still shown on the old ones', async () => {
    const deal = async () =>
      (
        await post(
          '/opportunities',
          { name: '周杰 - 车队', region: 'CN-SH', expectedCloseDate: '2026-12-20' },
          rep,
        ).expect(201)
      ).body.id as string;
    const addLine = (opportunityId: string, trimId: string) =>
      post(`/opportunities/${opportunityId}/lines`, { trimId, quantity: 1 }, rep);
    const issueQuote = (opportunityId: string) =>
      post('/quotes', { opportunityId, validUntil: '2099-12-31' }, rep);

    const old = await deal();
    await addLine(old, catalog.trimId).expect(201);
    const oldQuote = (await issueQuote(old).expect(201)).body;

    const retired = await post(`/catalog/trims/${catalog.trimId}/retire`).expect(200);
    expect(retired.body.retiredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect((await post(`/catalog/trims/${catalog.trimId}/retire`).expect(200)).body.retiredAt).toBe(
      retired.body.retiredAt,
    );

    const refusedLine = await addLine(await deal(), catalog.trimId).expect(409);
    expect(refusedLine.body).toMatchObject({ field: 'trimId', retiredTrimIds: [catalog.trimId] });
    expect((await issueQuote(old).expect(409)).body.field).toBe('opportunityId');
    const lines = await sales.http().get(`/opportunities/${old}/lines`).set('authorization', rep).expect(200);
    expect(lines.body.lines).toEqual([expect.objectContaining({ trimId: catalog.trimId })]);
    const quote = await sales.http().get(`/quotes/${oldQuote.id}`).set('authorization', rep).expect(200);
    expect(quote.body.lines).toEqual([expect.objectContaining({ trimId: catalog.trimId })]);

    const another = await deal();
    await addLine(another, catalog.otherTrimId).expect(201);
    await post(`/catalog/models/${catalog.modelId}/retire`).expect(200);
    await addLine(await deal(), catalog.otherTrimId).expect(409);
    await issueQuote(another).expect(409);
    const model = await sales
      .http()
      .get(`/catalog/models/${catalog.modelId}`)
      .set('authorization', rep)
      .expect(200);
    expect(model.body.retiredAt).not.toBeNull();
    expect(model.body.trims).toHaveLength(2);
  });
});
