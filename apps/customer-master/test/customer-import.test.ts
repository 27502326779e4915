import { Client } from 'pg';
import { withCheckDigit } from '../src/vehicles/vin';
import { CustomerMasterHarness } from './customer-master.harness';

const HEADER =
  'external_id,kind,name,phone,email,province,city,birthday,gender,vin,brand,model,model_year,purchase_date,selling_dealer_code,warranty_end';

function validVin(serial: string): string {
  const draft = `LSVAU2180N2${serial}`;
  return withCheckDigit(draft);
}

function wrongCheckDigit(vin: string): string {
  return vin.slice(0, 8) + (vin[8] === '1' ? '2' : '1') + vin.slice(9);
}

describe('customer import', () => {
  let harness: CustomerMasterHarness;
  let db: Client;
  let manager: string;
  let existingId: string;

  const csv = [
    HEADER,
    `L-1,person,刘一,138 0013 1001,liu.yi@example.com,上海市,上海市,1980-05-06,male,${validVin('000201')},Aurora,A6,2022,2022-06-01,D-SH-001,2025-06-01`,
    'L-2,company,二号物流有限公司,,logistics@example.com,江苏省,南京市,,,,,,,,,',
    `L-3,person,Chen Er,+86 139-0013-2002,,,,,,${validVin('000202')},Aurora,A4,,,,`,
    'L-4,person,刘一 (copy),+86 13800131001,,,,,,,,,,,,',
    'L-5,person,张坏号,12345,,,,,,,,,,,,',
    `L-6,person,李车号,138 0013 1006,,,,,,${wrongCheckDigit(validVin('000206'))},Aurora,A6,,,,`,
    'L-7,person,,138 0013 1007,,,,,,,,,,,,',
    `L-8,person,王经销,138 0013 1008,,,,,,${validVin('000208')},Aurora,A6,,,D-XX-999,`,
    'L-9,person,赵日期,138 0013 1009,,,,2023-02-30,,,,,,,,',
  ].join('\n');

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    manager = await harness.as(['sales_manager']);
    const admin = await harness.as(['admin']);
    db = new Client({ connectionString: harness.database.url });
    await db.connect();
    await harness
      .http()
      .post('/partners')
      .set('Authorization', admin)
      .send({ kind: 'dealer', code: 'D-SH-001', name: '上海一店', location: { lat: 31.23, lon: 121.47 } })
      .expect(201);
    const existing = await harness
      .http()
      .post('/customers')
      .set('Authorization', admin)
      .send({ kind: 'person', name: '陈二', phones: ['139 0013 2002'] })
      .expect(201);
    existingId = existing.body.id;
  });
  afterAll(async () => {
    await db.end();
    await harness.stop();
  });

  function upload(body: string, contentType = 'text/csv') {
    return harness
      .http()
      .post('/imports/customers?fileName=legacy.csv')
      .set('Authorization', manager)
      .set('Content-Type', contentType)
      .send(body);
  }

  async function count(sql: string): Promise<number> {
    const { rows } = await db.query(sql);
    return rows[0].count;
  }

  it('creates good rows, skips duplicates and reports every rejected row with its reason', async () => {
    const customersBefore = await count('SELECT count(*)::int AS count FROM customer_master.customer');

    const report = await upload(csv).expect(201);

    expect(report.body).toMatchObject({
      status: 'completed',
      fileName: 'legacy.csv',
      totalRows: 9,
      created: 2,
      duplicates: 2,
      vehiclesAttached: 1,
      rejected: 5,
    });
    expect(report.body.created + report.body.duplicates + report.body.rejected).toBe(report.body.totalRows);
    expect(report.body.rejections).toEqual([
      {
        row: 6,
        externalId: 'L-5',
        field: 'phone',
        reason: expect.stringContaining('not a valid phone number'),
      },
      { row: 7, externalId: 'L-6', field: 'vin', reason: expect.stringContaining('check digit') },
      { row: 8, externalId: 'L-7', field: 'name', reason: 'is required' },
      {
        row: 9,
        externalId: 'L-8',
        field: 'selling_dealer_code',
        reason: expect.stringContaining('D-XX-999'),
      },
      { row: 10, externalId: 'L-9', field: 'birthday', reason: expect.stringContaining('YYYY-MM-DD') },
    ]);
    expect(await count('SELECT count(*)::int AS count FROM customer_master.customer')).toBe(
      customersBefore + 2,
    );
    const attached = await harness
      .http()
      .get(`/customers/${existingId}/vehicles`)
      .set('Authorization', manager);
    expect(attached.body.items).toEqual([expect.objectContaining({ vin: validVin('000202') })]);
    const events = await db.query(
      `SELECT envelope->>'type' AS type, count(*)::int AS count FROM customer_master.outbox_message
        WHERE envelope->>'type' IN ('customer.registered', 'vehicle.registered') GROUP BY 1 ORDER BY 1`,
    );
    expect(events.rows).toEqual([
      { type: 'customer.registered', count: 3 },
      { type: 'vehicle.registered', count: 2 },
    ]);

    const job = await harness
      .http()
      .get(`/imports/${report.body.id}`)
      .set('Authorization', manager)
      .expect(200);
    expect(job.body).toMatchObject({
      status: 'completed',
      totalRows: 9,
      created: 2,
      duplicates: 2,
      rejected: 5,
    });
    expect(job.body.finishedAt).toEqual(expect.any(String));
  });

  it('creates nothing new when the same file runs again', async () => {
    const customersBefore = await count('SELECT count(*)::int AS count FROM customer_master.customer');
    const vehiclesBefore = await count('SELECT count(*)::int AS count FROM customer_master.vehicle');

    const report = await upload(csv).expect(201);

    expect(report.body).toMatchObject({
      totalRows: 9,
      created: 0,
      duplicates: 4,
      vehiclesAttached: 0,
      rejected: 5,
    });
    expect(await count('SELECT count(*)::int AS count FROM customer_master.customer')).toBe(customersBefore);
    expect(await count('SELECT count(*)::int AS count FROM customer_master.vehicle')).toBe(vehiclesBefore);
  });

  it('writes a file of several batches, numbering rows by their line', async () => {
    const rows = Array.from(
      { length: 450 },
      (_, i) => `B-${i},person,批量客户${i},,bulk${i}@example.com,,,,,,,,,,,`,
    );
    rows[420] = 'B-420,person,,,,,,,,,,,,,,';

    const report = await upload([HEADER, ...rows].join('\n')).expect(201);

    expect(report.body).toMatchObject({ totalRows: 450, created: 449, duplicates: 0, rejected: 1 });
    expect(report.body.rejections).toEqual([
      { row: 422, externalId: 'B-420', field: 'name', reason: 'is required' },
    ]);
  });

  it('marks the job failed and names it when the CSV breaks after some batches', async () => {
    // Rows large enough that the break arrives in a later chunk of the stream, after batches committed.
    const padding = 'x'.repeat(190);
    const rows = Array.from({ length: 1200 }, (_, i) => `P-${i},person,,,,${padding},,,,,,,,,,`);

    const response = await upload([HEADER, ...rows, 'P-X,person,"unclosed,,,,,,,,,,,,,,'].join('\n')).expect(
      400,
    );

    expect(response.body).toMatchObject({
      jobId: expect.any(String),
      detail: expect.stringContaining('Quote'),
    });
    const job = await harness
      .http()
      .get(`/imports/${response.body.jobId}`)
      .set('Authorization', manager)
      .expect(200);
    expect(job.body).toMatchObject({ status: 'failed', created: 0, error: expect.stringContaining('Quote') });
    expect(job.body.totalRows).toBeGreaterThan(0);
    expect(job.body.rejected).toBe(job.body.totalRows);
  });

  it('answers 415 to a body that is not CSV', async () => {
    const response = await upload(JSON.stringify({ rows: [] }), 'application/json').expect(415);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 400 naming the columns the header lacks', async () => {
    const response = await upload('external_id,kind,name,phone,email\nX-1,person,Someone,,\n').expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual([
      {
        field: 'header',
        message:
          'missing columns: province, city, birthday, gender, vin, brand, model, model_year, purchase_date, selling_dealer_code, warranty_end',
      },
    ]);
  });

  it('is not open to agents', async () => {
    const agent = await harness.as(['agent']);
    await harness
      .http()
      .post('/imports/customers')
      .set('Authorization', agent)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(403);
  });
});
