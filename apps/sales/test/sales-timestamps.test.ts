import { Roles } from '@crm/contracts';
import { addCatalog, CatalogFixture } from './catalog.fixture';
import { SalesHarness } from './sales.harness';

/** What every sales timestamp looks like, written or read: UTC, milliseconds, `Z`. */
const API_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const CUSTOMER = '5d4c3b2a-1f0e-4d9c-8b7a-6e5d4c3b2a10';

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type Operation = { responses: Record<string, { content?: Record<string, { schema: Schema }> }> };
type ApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

interface Recorded {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/** Every value the document declares `format: date-time` in the answer, with where it sits. */
function dateTimes(document: ApiDocument, schema: Schema, value: unknown, at: string): [string, unknown][] {
  if (value === null || value === undefined) return [];
  const resolved = schema.$ref ? document.components.schemas[schema.$ref.split('/').pop() as string] : schema;
  if (resolved.format === 'date-time') return [[at, value]];
  const variants = [...(resolved.allOf ?? []), ...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])];
  const found = variants.flatMap((variant) => dateTimes(document, variant, value, at));
  if (resolved.items && Array.isArray(value))
    found.push(
      ...value.flatMap((item, i) => dateTimes(document, resolved.items as Schema, item, `${at}[${i}]`)),
    );
  for (const [name, property] of Object.entries(resolved.properties ?? {}))
    found.push(...dateTimes(document, property, (value as Record<string, unknown>)[name], `${at}.${name}`));
  return found;
}

/** The documented operation a concrete request matched (`/quotes/{id}/send` for `/quotes/42/send`). */
function operationOf(document: ApiDocument, method: string, path: string): [string, Operation] {
  const bare = path.split('?')[0];
  const match = Object.entries(document.paths).find(
    ([template, operations]) =>
      operations[method] && new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare),
  );
  if (!match) throw new Error(`${method.toUpperCase()} ${bare} is not in the API document`);
  return [`${method.toUpperCase()} ${match[0]}`, match[1][method]];
}

describe('timestamps in sales answers', () => {
  const recorded: Recorded[] = [];
  let sales: SalesHarness;
  let catalog: CatalogFixture;
  let token: Record<string, string>;

  async function call(who: string, method: 'get' | 'post' | 'put' | 'patch', path: string, body?: object) {
    const request = sales.http()[method](path).set('authorization', token[who]);
    const res = body ? await request.send(body) : await request;
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    recorded.push({ method, path, status: res.status, body: res.body });
    return res.body;
  }

  beforeAll(async () => {
    sales = await SalesHarness.start();
    await sales.tree([
      ['manager', null],
      ['rep', 'manager'],
    ]);
    token = {
      rep: await sales.auth({ sub: 'rep', roles: [Roles.salesRep] }),
      manager: await sales.auth({ sub: 'manager', roles: [Roles.salesManager] }),
    };
    catalog = await addCatalog(sales);

    const lead = await call('manager', 'post', '/leads', {
      source: 'showroom_visit',
      name: '孙丽',
      phone: '13900001111',
    });
    await call('manager', 'post', `/leads/${lead.id}/assign`, {
      strategy: 'round-robin',
      managerId: 'manager',
    });
    await call('rep', 'get', '/leads');
    await call('rep', 'get', `/leads/${lead.id}`);

    const deal = await call('rep', 'post', '/opportunities', {
      name: '孙丽 - Aurora',
      region: 'CN-SH',
      customerId: CUSTOMER,
    });
    await call('rep', 'patch', `/opportunities/${deal.id}`, { expectedCloseDate: '2099-06-30' });
    await call('rep', 'post', `/opportunities/${deal.id}/lines`, { trimId: catalog.trimId, quantity: 1 });
    await call('rep', 'get', `/opportunities/${deal.id}/lines`);
    await call('rep', 'get', '/opportunities');
    await call('rep', 'get', `/opportunities/${deal.id}`);

    const activity = await call('rep', 'post', '/activities', {
      type: 'call',
      subject: '回访',
      discussed: '金融方案',
      opportunityId: deal.id,
      occurredAt: '2026-11-29T10:00:00+08:00', // an offset in, UTC out
    });
    await call('rep', 'get', '/activities');
    await call('rep', 'get', `/activities/${activity.id}`);
    await call('manager', 'post', `/opportunities/${deal.id}/guidance`, { body: '先约试驾' });
    await call('rep', 'get', `/opportunities/${deal.id}/guidance`);
    await call('rep', 'get', '/me/notifications');

    const quote = await call('rep', 'post', '/quotes', { opportunityId: deal.id, validUntil: '2099-12-31' });
    await call('rep', 'post', `/quotes/${quote.id}/send`);
    await call('rep', 'post', `/quotes/${quote.id}/accept`);
    await call('rep', 'get', '/quotes');
    await call('rep', 'get', `/quotes/${quote.id}`);
    const order = await call('rep', 'post', '/orders', { quoteId: quote.id });
    await call('rep', 'get', '/orders');
    await call('rep', 'get', `/orders/${order.id}`);

    await call('manager', 'put', `/accounts/${CUSTOMER}/team`, {
      members: [{ userId: 'rep', role: 'owner', splitPercent: 100 }],
    });
    await call('rep', 'get', `/accounts/${CUSTOMER}/team`);
    await call('manager', 'put', '/quotas/rep/2026-12', { prospects: 10, revenue: { amount: 1_000_000 } });
    await call('manager', 'get', '/quotas?month=2026-12');
    await call('manager', 'post', '/forecasts/adjustments', {
      month: '2026-12',
      note: 'judgement',
      level: 'rep',
      userId: 'rep',
      amount: { amount: 500_000 },
    });
    await call('manager', 'get', '/forecasts?month=2026-12');
  });

  afterAll(() => sales?.stop());

  it('writes and reads every documented date-time as UTC with milliseconds and Z', async () => {
    const document = (await sales.http().get('/docs-json').expect(200)).body as ApiDocument;
    const checked = new Set<string>();
    const offenders: string[] = [];
    for (const response of recorded) {
      const [operation, spec] = operationOf(document, response.method, response.path);
      const schema = spec.responses[String(response.status)]?.content?.['application/json']?.schema;
      if (!schema) throw new Error(`${operation} documents no JSON answer for ${response.status}`);
      for (const [at, value] of dateTimes(document, schema, response.body, '')) {
        checked.add(`${operation} ${at.replace(/\[\d+\]/g, '[]')}`);
        if (typeof value !== 'string' || !API_TIMESTAMP.test(value))
          offenders.push(`${operation} ${at}: ${JSON.stringify(value)}`);
      }
    }
    expect(offenders).toEqual([]);
    // Reads and writes of each kind of record were compared, not a handful of fields.
    for (const field of [
      'POST /opportunities .createdAt',
      'GET /opportunities .items[].updatedAt',
      'GET /opportunities/{id} .history[].changedAt',
      'GET /leads/{id} .assignment.decidedAt',
      'GET /activities .items[].occurredAt',
      'GET /quotes/{id} .createdAt',
      'GET /orders .items[].placedAt',
      'GET /me/notifications .items[].createdAt',
      'GET /opportunities/{id}/guidance .items[].createdAt',
    ])
      expect(checked).toContain(field);
  });
});
