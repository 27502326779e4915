import { Roles } from '@crm/contracts';
import { SalesHarness } from './sales.harness';

describe('the product catalog', () => {
  let sales: SalesHarness;
  let admin: string;
  let rep: string;
  let dealer: string;
  let modelId: string;
  let trimId: string;

  beforeAll(async () => {
    sales = await SalesHarness.start();
    await sales.tree([['rep', null]]);
    admin = await sales.auth({ sub: 'admin', roles: [Roles.admin] });
    rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
    dealer = await sales.auth({
      sub: 'dealer-sales',
      roles: [Roles.dealer],
      partnerId: '7b0c1f3e-5d2a-4c8b-9e1f-0a2b3c4d5e6f',
    });
    const model = await sales
      .http()
      .post('/catalog/models')
      .set('authorization', admin)
      .send({ code: 'AURORA-S7', name: 'Aurora S7 极光', description: '中大型纯电轿车 / electric sedan' })
      .expect(201);
    modelId = model.body.id;
    const trim = await sales
      .http()
      .post(`/catalog/models/${modelId}/trims`)
      .set('authorization', admin)
      .send({
        code: 'AURORA-S7-LR',
        name: '长续航版 Long Range',
        powertrain: 'bev',
        powerKw: 250,
        rangeKm: 702,
        seats: 5,
        specs: { '0-100km/h': '5.9s', 'battery kWh': 85, 'heat pump': true },
      })
      .expect(201);
    trimId = trim.body.id;
    const note = (kind: string, body: object) =>
      sales
        .http()
        .post(`/catalog/models/${modelId}/${kind}`)
        .set('authorization', admin)
        .send(body)
        .expect(201);
    await note('selling-points', { text: 'CLTC 续航最高 702 公里，冬季有热泵' });
    await note('selling-points', { text: '800V fast charging: 10-80% in 18 minutes', trimId });
    await note('faqs', { question: '冬天续航会打几折？', answer: '热泵空调下约保持百分之七十五。' });
    await note('faqs', { question: 'How many seats does it have?', answer: 'Five seats and a large trunk.' });
  });

  afterAll(() => sales?.stop());

  const addPrice = (body: object, as = admin) =>
    sales.http().post(`/catalog/trims/${trimId}/prices`).set('authorization', as).send(body);

  it('keeps typed specs and the free spec map, and shows a model with its trims, selling points and FAQs', async () => {
    const model = await sales.http().get(`/catalog/models/${modelId}`).set('authorization', rep).expect(200);
    expect(model.body.trims).toEqual([
      expect.objectContaining({
        id: trimId,
        powertrain: 'bev',
        engine: null,
        powerKw: 250,
        rangeKm: 702,
        seats: 5,
        specs: { '0-100km/h': '5.9s', 'battery kWh': 85, 'heat pump': true },
      }),
    ]);
    expect(model.body.sellingPoints.map((p: { title: string }) => p.title)).toHaveLength(2);
    expect(model.body.faqs[0]).toMatchObject({
      title: '冬天续航会打几折？',
      body: '热泵空调下约保持百分之七十五。',
    });
  });

  it('prices a trim per region and day, and refuses a price whose validity overlaps another of the region', async () => {
    await addPrice({
      region: 'CN-SH',
      price: { amount: 259900 },
      validFrom: '2026-01-01',
      validTo: '2026-06-30',
    }).expect(201);
    await addPrice({ region: 'CN-SH', price: { amount: 249900 }, validFrom: '2026-07-01' }).expect(201);
    await addPrice({ region: 'CN-BJ', price: { amount: 261900 }, validFrom: '2026-03-01' }).expect(201);

    const overlap = await addPrice({
      region: 'CN-SH',
      price: { amount: 239900 },
      validFrom: '2026-06-15',
      validTo: '2026-06-20',
    }).expect(409);
    expect(overlap.headers['content-type']).toContain('application/problem+json');
    expect(overlap.body.field).toBe('validFrom');

    const priceOn = async (region: string, date: string) =>
      sales.http().get(`/catalog/trims/${trimId}/price`).query({ region, date }).set('authorization', dealer);
    expect((await priceOn('CN-SH', '2026-06-30')).body.price).toEqual({ amount: 259900, currency: 'CNY' });
    expect((await priceOn('CN-SH', '2026-07-01')).body.price).toEqual({ amount: 249900, currency: 'CNY' });
    expect((await priceOn('CN-BJ', '2026-03-01')).body.price.amount).toBe(261900);
    expect((await priceOn('CN-BJ', '2026-02-28')).status).toBe(404);
  });

  it('searches names, selling points and FAQs in Chinese and English, best match first', async () => {
    const search = async (q: string) =>
      (await sales.http().get('/catalog/search').query({ q }).set('authorization', rep).expect(200)).body
        .items as {
        kind: string;
        title: string;
      }[];
    expect((await search('续航')).map((hit) => hit.kind).sort()).toEqual(['faq', 'selling_point', 'trim']);
    expect((await search('热泵')).map((hit) => hit.kind).sort()).toEqual(['faq', 'selling_point']);
    expect(await search('冬天续航')).toEqual([
      expect.objectContaining({ kind: 'faq', title: '冬天续航会打几折？' }),
    ]);
    expect((await search('charge')).map((hit) => hit.title)).toEqual([
      '800V fast charging: 10-80% in 18 minutes',
    ]);
    expect((await search('seat')).map((hit) => hit.kind)).toEqual(['faq']);
    const byName = await search('aurora');
    expect(byName[0]).toMatchObject({ kind: 'model', title: 'Aurora S7 极光' });
    expect(await search('柴油')).toEqual([]);
  });

  it('lets reps and dealers read but only admins write, and names the bad field in a 400', async () => {
    await sales.http().get('/catalog/models').set('authorization', dealer).expect(200);
    await sales.http().get(`/catalog/trims/${trimId}`).set('authorization', dealer).expect(200);
    await sales
      .http()
      .post('/catalog/models')
      .set('authorization', rep)
      .send({ code: 'X', name: 'x' })
      .expect(403);
    await addPrice({ region: 'CN-SH', price: { amount: 1 }, validFrom: '2030-01-01' }, dealer).expect(403);

    const badRegion = await addPrice({
      region: 'shanghai',
      price: { amount: 1 },
      validFrom: '2030-01-01',
    }).expect(400);
    expect(badRegion.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(badRegion.body)).toContain('region');
    const backwards = await addPrice({
      region: 'CN-SH',
      price: { amount: 1 },
      validFrom: '2030-02-01',
      validTo: '2030-01-01',
    }).expect(400);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'validTo' })]);
    const nestedSpec = await sales
      .http()
      .post(`/catalog/models/${modelId}/trims`)
      .set('authorization', admin)
      .send({ code: 'NESTED', name: 'n', powertrain: 'bev', powerKw: 1, seats: 5, specs: { a: { b: 1 } } })
      .expect(400);
    expect(JSON.stringify(nestedSpec.body)).toContain('specs');
    const taken = await sales
      .http()
      .post('/catalog/models')
      .set('authorization', admin)
      .send({ code: 'AURORA-S7', name: 'again' })
      .expect(409);
    expect(taken.body.field).toBe('code');
    await sales
      .http()
      .get('/catalog/models/2f1e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b')
      .set('authorization', rep)
      .expect(404);
  });
});
