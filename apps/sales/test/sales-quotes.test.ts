import { Roles } from '@crm/contracts';
import { addCatalog, CatalogFixture } from './catalog.fixture';
import { extractText } from './pdf-text';
import { SalesHarness } from './sales.harness';

/** Collects a binary body: supertest hands the raw response stream to a custom parser. */
const binary = (res: unknown, done: (error: Error | null, body: Buffer) => void) => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('products on opportunities, and quotes from them', () => {
  let sales: SalesHarness;
  let rep: string;
  let otherRep: string;
  let catalog: CatalogFixture;

  beforeAll(async () => {
    sales = await SalesHarness.start();
    await sales.tree([
      ['manager', null],
      ['rep', 'manager'],
      ['other-rep', null],
    ]);
    rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
    otherRep = await sales.auth({ sub: 'other-rep', roles: [Roles.salesRep] });
    catalog = await addCatalog(sales);
  });

  afterAll(() => sales?.stop());

  async function open(body: object = {}): Promise<string> {
    const res = await sales
      .http()
      .post('/opportunities')
      .set('authorization', rep)
      .send({ name: '张伟 - Aurora S7', region: 'CN-SH', expectedCloseDate: '2026-12-20', ...body })
      .expect(201);
    return res.body.id;
  }

  const addLine = (id: string, body: object, as = rep) =>
    sales.http().post(`/opportunities/${id}/lines`).set('authorization', as).send(body);

  it("prices lines from the region's price list and keeps the amount the sum of the lines", async () => {
    const id = await open();
    const first = await addLine(id, { trimId: catalog.trimId, quantity: 2, discount: 10000 }).expect(201);
    expect(first.body.lines[0]).toMatchObject({
      trimName: '长续航版 Long Range',
      modelName: 'Aurora S7 极光',
      unitPrice: { amount: 259900, currency: 'CNY' },
      discount: 10000,
    });
    expect(first.body.amount).toEqual({ amount: 509800, currency: 'CNY' });
    const second = await addLine(id, {
      trimId: catalog.otherTrimId,
      quantity: 1,
      unitPrice: { amount: 200000.5 },
    }).expect(201);
    expect(second.body.amount).toEqual({ amount: 709800.5, currency: 'CNY' });
    const opportunity = await sales.http().get(`/opportunities/${id}`).set('authorization', rep).expect(200);
    expect(opportunity.body.amount).toEqual({ amount: 709800.5, currency: 'CNY' });

    const byHand = await sales
      .http()
      .patch(`/opportunities/${id}`)
      .set('authorization', rep)
      .send({ amount: { amount: 1 } })
      .expect(409);
    expect(byHand.body.field).toBe('amount');
    await sales
      .http()
      .post(`/opportunities/${id}/win`)
      .set('authorization', rep)
      .send({ reason: 'signed', amount: { amount: 1 } })
      .expect(409);

    const removed = await sales
      .http()
      .delete(`/opportunities/${id}/lines/${first.body.lines[0].id}`)
      .set('authorization', rep)
      .expect(200);
    expect(removed.body.amount).toEqual({ amount: 200000.5, currency: 'CNY' });
  });

  it('refuses a line it cannot price, names bad fields, and hides another rep’s lines', async () => {
    const noRegion = await open({ region: undefined });
    const unpriced = await addLine(noRegion, { trimId: catalog.trimId, quantity: 1 }).expect(409);
    expect(unpriced.body.field).toBe('unitPrice');
    const beforePrices = await open({ expectedCloseDate: '2025-12-31' });
    await addLine(beforePrices, { trimId: catalog.trimId, quantity: 1 }).expect(409);

    const id = await open();
    const badQuantity = await addLine(id, { trimId: catalog.trimId, quantity: 0 }).expect(400);
    expect(badQuantity.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(badQuantity.body.errors)).toContain('quantity');
    const tooMuchOff = await addLine(id, { trimId: catalog.trimId, quantity: 1, discount: 300000 }).expect(
      400,
    );
    expect(tooMuchOff.body.errors).toEqual([expect.objectContaining({ field: 'discount' })]);

    await sales.http().get(`/opportunities/${id}/lines`).set('authorization', otherRep).expect(404);
    await addLine(id, { trimId: catalog.trimId, quantity: 1 }, otherRep).expect(404);
  });

  it('numbers quotes per opportunity, versions them, and steps them from draft to accepted', async () => {
    const id = await open();
    const empty = await sales
      .http()
      .post('/quotes')
      .set('authorization', rep)
      .send({ opportunityId: id, validUntil: '2099-12-31' })
      .expect(409);
    expect(empty.body.field).toBe('opportunityId');
    await addLine(id, { trimId: catalog.trimId, quantity: 1, discount: 5000 }).expect(201);

    const issue = () =>
      sales
        .http()
        .post('/quotes')
        .set('authorization', rep)
        .send({ opportunityId: id, validUntil: '2099-12-31', terms: '含购置税', customerName: '张伟' })
        .expect(201);
    const v1 = (await issue()).body;
    expect(v1).toMatchObject({
      number: expect.stringMatching(/^Q\d{4}-\d{6}$/),
      version: 1,
      status: 'draft',
      customerName: '张伟',
      total: { amount: 254900, currency: 'CNY' },
      lines: [expect.objectContaining({ trimId: catalog.trimId, unitPrice: 259900, lineTotal: 254900 })],
    });
    const v2 = (await issue()).body;
    expect(v2).toMatchObject({ number: v1.number, version: 2 });

    const step = (quoteId: string, name: string) =>
      sales.http().post(`/quotes/${quoteId}/${name}`).set('authorization', rep);
    await step(v2.id, 'accept').expect(409);
    await step(v2.id, 'send').expect(200);
    expect((await step(v2.id, 'accept').expect(200)).body.status).toBe('accepted');
    await step(v2.id, 'reject').expect(409);

    await step(v1.id, 'send').expect(200);
    await sales.query(`UPDATE sales.quote SET valid_until = '2020-01-01' WHERE id = $1`, [v1.id]);
    const lapsed = await sales.http().get(`/quotes/${v1.id}`).set('authorization', rep).expect(200);
    expect(lapsed.body.status).toBe('expired');
    await step(v1.id, 'accept').expect(409);

    const past = await sales
      .http()
      .post('/quotes')
      .set('authorization', rep)
      .send({ opportunityId: id, validUntil: '2020-01-01' })
      .expect(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'validUntil' })]);
    await sales.http().get(`/quotes/${v2.id}`).set('authorization', otherRep).expect(404);
    await sales.http().get(`/quotes/${v2.id}/pdf`).set('authorization', otherRep).expect(404);
    const listed = await sales.http().get('/quotes').query({ opportunityId: id }).set('authorization', rep);
    expect(listed.body.items.map((q: { version: number }) => q.version)).toEqual([2, 1]);
  });

  it('renders the quote as a PDF with the Chinese font embedded and its text extractable', async () => {
    const id = await open();
    await addLine(id, { trimId: catalog.trimId, quantity: 1 }).expect(201);
    const quote = await sales
      .http()
      .post('/quotes')
      .set('authorization', rep)
      .send({
        opportunityId: id,
        validUntil: '2099-12-31',
        customerName: '欧阳娜娜',
        terms: '交车时间：下单后四周内',
      })
      .expect(201);

    const res = await sales
      .http()
      .get(`/quotes/${quote.body.id}/pdf`)
      .set('authorization', rep)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(raw).toMatch(/\/FontFile[23]/);
    expect(raw).toContain('/ToUnicode');

    const text = extractText(pdf).join('\n');
    expect(text).toContain('欧阳娜娜');
    expect(text).toContain('Aurora S7 极光');
    expect(text).toContain('长续航版');
    expect(text).toContain('交车时间：下单后四周内');
    expect(text).toContain(quote.body.number);
  });
});
