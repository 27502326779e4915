import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CustomerErased, CustomerRegistered, Roles } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { SalesHarness } from './sales.harness';

const ROOT = join(__dirname, '../../..');

/** An erasure sales could not apply is parked, flagged as a privacy event, and applied once replayed after the fix. */
describe('an erasure event that sales parks', () => {
  let sales: SalesHarness;
  const namespace = `t${randomBytes(4).toString('hex')}.`;
  const customerId = randomUUID();

  beforeAll(async () => {
    sales = await SalesHarness.start({ kafkaNamespace: namespace });
    await sales.tree([['rep', null]]);
  });
  afterAll(() => sales?.stop());

  const metrics = async () => (await sales.http().get('/metrics').expect(200)).text;
  const leadName = async (id: string) =>
    (await sales.query<{ name: string }>(`SELECT name FROM sales.lead WHERE id = $1`, [id]))[0].name;

  it('counts it apart, keeps the alert gauge up until `npm run dlq -- replay` applies it after the fix', async () => {
    await sales.publish(CustomerRegistered, customerId, {
      customerId,
      kind: 'person',
      name: '赵敏',
      namePinyin: 'zhao min',
      phones: ['+8613600136001'],
      emails: [],
      address: null,
      birthday: null,
      gender: null,
      tags: [],
      ownerSalesRepId: null,
      consents: [],
    });
    await eventually(async () =>
      expect(
        await sales.query(`SELECT 1 FROM sales.customer_contact WHERE customer_id = $1`, [customerId]),
      ).toHaveLength(1),
    );
    const rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
    const lead = await sales
      .http()
      .post('/leads')
      .set('authorization', rep)
      .send({ source: 'call_center', name: '赵敏', phone: '13600136001' })
      .expect(201);

    // The cause: a release whose migration had not run yet (the column erasure clears is missing).
    await sales.query(`ALTER TABLE sales.lead RENAME COLUMN notes TO notes_pending`);
    const erased = await sales.publish(CustomerErased, customerId, {
      customerId,
      erasedAt: new Date().toISOString(),
    });
    const [parked] = await eventually(async () => {
      const rows = await sales.query<{ id: string; consumer: string; reason: string }>(
        `SELECT id::text, consumer, reason FROM sales.dead_letter WHERE event_id = $1`,
        [erased.id],
      );
      expect(rows).toEqual([
        { id: expect.any(String), consumer: 'customer-contacts', reason: 'handler-failed' },
      ]);
      return rows;
    }, 30_000);
    expect(await leadName(lead.body.id)).toBe('赵敏');
    const flagged = await metrics();
    expect(flagged).toMatch(/dead_letters_privacy\{schema="sales"\} 1\b/);
    expect(flagged).toMatch(
      /crm_messaging_privacy_dead_letters_total\{service="sales",consumer="customer-contacts",topic="[^"]*crm\.customer\.v1",event_type="customer\.erased"\} 1\b/,
    );

    await sales.query(`ALTER TABLE sales.lead RENAME COLUMN notes_pending TO notes`);
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'dlq', '--', '--schema', 'sales', 'replay', parked.id],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: sales.database.url,
          KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS,
          KAFKA_NAMESPACE: namespace,
        },
      },
    );
    expect(stdout).toContain('replayed 1 message(s)');

    await eventually(async () => expect(await leadName(lead.body.id)).toBe('[erased]'), 30_000);
    expect(
      await sales.query(`SELECT 1 FROM sales.customer_contact WHERE customer_id = $1`, [customerId]),
    ).toEqual([]);
    expect(await metrics()).toMatch(/dead_letters_privacy\{schema="sales"\} 0\b/);
  }, 180_000);
});
