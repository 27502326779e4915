import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { CustomerMasterHarness } from './customer-master.harness';

/** A part that does not come fails the whole export, naming the service: an export is complete or not given. */
describe('a person’s data export when another service does not give its part', () => {
  let harness: CustomerMasterHarness;
  let failing: Server;
  let admin: string;

  beforeAll(async () => {
    failing = createServer((_req, res) => res.writeHead(500).end());
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const port = (failing.address() as AddressInfo).port;
    harness = await CustomerMasterHarness.start({
      exportSources: [{ name: 'call-center', url: `http://127.0.0.1:${port}` }],
    });
    admin = await harness.as(['admin']);
  });
  afterAll(async () => {
    failing.close();
    await harness.stop();
  });

  it('answers 503 naming the service, and audits no export', async () => {
    const { body: customer } = await harness
      .http()
      .post('/customers')
      .set('Authorization', await harness.as(['agent']))
      .send({ kind: 'person', name: '孙悟空', phones: ['13600002222'] })
      .expect(201);
    const { body } = await harness
      .http()
      .get(`/customers/${customer.id}/export`)
      .set('Authorization', admin)
      .expect(503);
    expect(body.detail).toMatch(/call-center service did not give its part of the export \(HTTP 500\)/);
    const audited = await harness.query(
      `SELECT 1 FROM customer_master.audit_log WHERE entity_id = $1 AND action = 'customer.exported'`,
      [customer.id],
    );
    expect(audited).toEqual([]);
  });

  it('answers 404 for a customer that does not exist', async () => {
    await harness.http().get(`/customers/${randomUUID()}/export`).set('Authorization', admin).expect(404);
  });
});
