import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { eventually } from '@crm/testing';
import { ImportJob } from '../src/import/import-job';
import { ImportRecovery } from '../src/import/import-recovery';
import { withCheckDigit } from '@crm/core';
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

  function job(location: string) {
    return harness.http().get(location).set('Authorization', manager).expect(200);
  }

  /** Sends the file, checks the 202 and its Location, and reads the job there until it ends. */
  async function imported(body: string) {
    const accepted = await upload(body).expect(202);
    expect(accepted.headers.location).toBe(`/imports/${accepted.body.id}`);
    let ended: ImportJob = accepted.body;
    await eventually(async () => {
      ended = (await job(accepted.headers.location)).body;
      expect(ended.status).not.toBe('running');
    });
    return ended;
  }

  async function count(sql: string): Promise<number> {
    const { rows } = await db.query(sql);
    return rows[0].count;
  }

  it('creates good rows, skips duplicates and reports every rejected row with its reason', async () => {
    const customersBefore = await count('SELECT count(*)::int AS count FROM customer_master.customer');

    const report = { body: await imported(csv) };

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

    const report = { body: await imported(csv) };

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

    const report = { body: await imported([HEADER, ...rows].join('\n')) };

    expect(report.body).toMatchObject({ totalRows: 450, created: 449, duplicates: 0, rejected: 1 });
    expect(report.body.rejections).toEqual([
      { row: 422, externalId: 'B-420', field: 'name', reason: 'is required' },
    ]);
  });

  it('marks the job failed, with the reason, when the CSV breaks after some batches', async () => {
    // Rows large enough that the break arrives in a later chunk of the stream, after batches committed.
    const padding = 'x'.repeat(190);
    const rows = Array.from({ length: 1200 }, (_, i) => `P-${i},person,,,,${padding},,,,,,,,,,`);

    const failed = await imported([HEADER, ...rows, 'P-X,person,"unclosed,,,,,,,,,,,,,,'].join('\n'));

    expect(failed).toMatchObject({ status: 'failed', created: 0, error: expect.stringContaining('Quote') });
    expect(failed.totalRows).toBeGreaterThan(0);
    expect(failed.rejected).toBe(failed.totalRows);
  });

  it('rejects a row whose VIN another customer owns, and its VIN again later in the file', async () => {
    const vin = validVin('000301');
    const lines = [
      HEADER,
      `V-1,person,车主甲,138 0013 3001,,,,,,${vin},Aurora,A6,,,,`,
      `V-2,person,车主乙,138 0013 3002,,,,,,${vin},Aurora,A6,,,,`,
      `V-3,person,车主甲,+86 13800133001,,,,,,${vin},Aurora,A6,,,,`,
    ];

    const report = await imported(lines.join('\n'));

    expect(report).toMatchObject({ created: 1, duplicates: 1, vehiclesAttached: 0, rejected: 1 });
    expect(report.rejections).toEqual([
      { row: 3, externalId: 'V-2', field: 'vin', reason: 'is registered to another customer' },
    ]);
    expect(
      await count(
        `SELECT count(*)::int AS count FROM customer_master.customer_phone WHERE e164 = '+8613800133002'`,
      ),
    ).toBe(0);
  });

  it('resumes a file whose first chunks were written before a crash, creating each row once', async () => {
    const rows = Array.from(
      { length: 1500 },
      (_, i) =>
        `K-${i},person,续传客户${i},,resume${i}@example.com,,,,,${validVin(String(400000 + i))},Aurora,A6,,,,`,
    );
    await imported([HEADER, ...rows.slice(0, 1000)].join('\n'));

    const resumed = await imported([HEADER, ...rows].join('\n'));

    expect(resumed).toMatchObject({ status: 'completed', created: 500, duplicates: 1000, rejected: 0 });
    expect(
      await count(`SELECT count(*)::int AS count FROM customer_master.customer WHERE name LIKE '续传客户%'`),
    ).toBe(1500);
    expect(
      await count(
        `SELECT count(*)::int AS count FROM customer_master.vehicle v JOIN customer_master.customer c ON c.id = v.owner_customer_id WHERE c.name LIKE '续传客户%'`,
      ),
    ).toBe(1500);
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

  describe('in the background', () => {
    const bulk = (prefix: string, rows: number) =>
      [
        HEADER,
        ...Array.from(
          { length: rows },
          (_, i) => `${prefix}-${i},person,${prefix}客户${i},,${prefix}${i}@example.com,,,,,,,,,,,`,
        ),
      ].join('\n');
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const runningJob = (contentHash: string, heartbeatSecondsAgo: number) =>
      db
        .query(
          `INSERT INTO customer_master.import_job (id, status, file_name, started_at, heartbeat_at, created_by, content_hash)
           VALUES ($1, 'running', 'old.csv', now() - interval '1 hour', now() - make_interval(secs => $2), 'someone', $3)
           RETURNING id`,
          [randomUUID(), heartbeatSecondsAgo, contentHash],
        )
        .then((result) => result.rows[0].id as string);

    it('answers 202 at once with the running job in Location, where its progress is read', async () => {
      const accepted = await upload(bulk('Q', 1500)).expect(202);

      expect(accepted.headers.location).toBe(`/imports/${accepted.body.id}`);
      expect(accepted.body).toMatchObject({ status: 'running', finishedAt: null });
      const meanwhile = await job(accepted.headers.location);
      expect(meanwhile.body.status).toBe('running');
      expect(meanwhile.body.totalRows).toBeLessThan(1500);
      await eventually(async () =>
        expect((await job(accepted.headers.location)).body).toMatchObject({
          status: 'completed',
          created: 1500,
        }),
      );
    });

    it('answers 409 naming the running job to the same file sent twice at once, and creates each customer once', async () => {
      const file = bulk('W', 1200);

      const [first, second] = await Promise.all([upload(file), upload(file)]);

      const statuses = [first.status, second.status].sort();
      expect(statuses).toEqual([202, 409]);
      const [accepted, refused] = first.status === 202 ? [first, second] : [second, first];
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.headers.location).toBe(accepted.headers.location);
      expect(refused.body.jobId).toBe(accepted.body.id);
      await eventually(async () =>
        expect((await job(accepted.headers.location)).body).toMatchObject({
          status: 'completed',
          created: 1200,
        }),
      );
      expect(
        await count(`SELECT count(*)::int AS count FROM customer_master.customer WHERE name LIKE 'W客户%'`),
      ).toBe(1200);
    });

    it('marks failed, at start-up, a job whose worker stopped reporting, and leaves a live one running', async () => {
      const crashed = await runningJob(sha256('crashed'), 300);
      const alive = await runningJob(sha256('alive'), 1);

      await harness.app.get(ImportRecovery).onApplicationBootstrap();

      expect((await job(`/imports/${crashed}`)).body).toMatchObject({
        status: 'failed',
        error: expect.stringContaining('interrupted'),
        finishedAt: expect.any(String),
      });
      expect((await job(`/imports/${alive}`)).body.status).toBe('running');
    });

    it('lets a file run again when the job that held it crashed', async () => {
      const file = bulk('R', 3);
      const crashed = await runningJob(sha256(file), 300);

      expect(await imported(file)).toMatchObject({ status: 'completed', created: 3 });
      expect((await job(`/imports/${crashed}`)).body.status).toBe('failed');
    });

    it('still refuses the file of a live job', async () => {
      const file = bulk('S', 3);
      const alive = await runningJob(sha256(file), 1);

      const refused = await upload(file).expect(409);

      expect(refused.headers.location).toBe(`/imports/${alive}`);
    });
  });
});
