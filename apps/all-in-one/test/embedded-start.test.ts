import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withCheckDigit } from '@crm/core';
import { eventually } from '@crm/testing';
import { freePort } from '../../../test/infra/kafka/kafka-broker';
import { PAST_COMPLAINTS } from '../src/demo-seed/demo-data';
import { DEMO_HISTORY } from '../src/demo-seed/demo-history-plan';
import { DemoLogin } from '../src/demo-seed/demo-seed.service';

const ROOT = resolve(__dirname, '../../..');

/**
 * Starts the embedded default as `npm start` does, in a child process: PGlite's extensions are
 * ES modules, which Jest's module runtime cannot load in-process.
 */
describe('the embedded default', () => {
  let child: ChildProcess;
  let dataDir: string;
  let baseUrl: string;
  let output = '';
  /** Readiness as polled from the moment the process starts until the seed has printed its logins. */
  const readiness: number[] = [];

  async function watchReadiness(): Promise<void> {
    while (!output.includes('Demo logins') && child.exitCode === null) {
      try {
        const response = await fetch(`${baseUrl}/health/ready`);
        readiness.push(response.status);
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'crm-embedded-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(port),
      DEMO_CUSTOMERS: '12',
    };
    child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        'apps/all-in-one/src/main.ts',
      ],
      { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    const watched = watchReadiness();
    await eventually(() => expect(output).toContain('Demo logins'), 150_000, 250);
    await watched;
  }, 180_000);

  afterAll(async () => {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers on its health endpoint with every dependency up, and prints where to go', async () => {
    const response = await fetch(`${baseUrl}/health/ready`);
    expect(response.status).toBe(200);
    expect(Object.keys(((await response.json()) as { details: object }).details)).toEqual([
      'database',
      'events:in-process',
      'cache:memory',
    ]);
    expect(output).toContain(`API docs: ${baseUrl}/docs`);
  });

  it('says it is not ready until the demo seed has finished, naming the seed', async () => {
    expect(readiness.length).toBeGreaterThan(0);
    expect(readiness[0]).toBe(503);
    // The 503 is problem+json without details; terminus names the failed check in its log line.
    expect(output).toContain('startup:demo-seed');
    // Once ready it stays ready: the hold is released only when the seed is done.
    const firstReady = readiness.indexOf(200);
    if (firstReady >= 0) expect(readiness.slice(firstReady).every((status) => status === 200)).toBe(true);
    expect((await fetch(`${baseUrl}/health/ready`)).status).toBe(200);
  });

  async function agentToken(username = 'agent'): Promise<string> {
    const logins: DemoLogin[] = JSON.parse(readFileSync(join(dataDir, 'demo-logins.json'), 'utf8'));
    const agent = logins.find((login) => login.username === username) as DemoLogin;
    const token = await api<{ access_token: string }>('/auth/token', '', {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'password', username: agent.username, password: agent.password }),
    });
    return token.access_token;
  }

  async function api<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const response = await fetch(`${baseUrl}${path}`, { ...init, headers });
    if (!response.ok)
      throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  it('seeds demo data that a seeded login can read', async () => {
    const customers = await api<{ items: { name: string }[] }>('/customers?limit=100', await agentToken());
    expect(customers.items).toHaveLength(12);
    expect(customers.items.some((c) => /[\u4e00-\u9fff]/.test(c.name))).toBe(true);
  });

  it('seeds past tickets, repaired and rated, whose 360 names the agent, the station and the technician', async () => {
    type View = {
      profile: { emails: string[] };
      consents: { channel: string; granted: boolean }[];
      tickets: {
        ticketId: string;
        status: string;
        station: { name: string | null } | null;
        openedBy: { name: string | null } | null;
        satisfaction: { score: number } | null;
      }[];
      interactions: { ticketId: string | null; kind: string; agentName: string | null }[];
      repairs: { ticketId: string; technician: string; station: { name: string | null } }[];
    };
    const token = await agentToken();
    const { items } = await api<{ items: { id: string }[] }>('/customers?limit=100', token);
    const view = await eventually(async () => {
      const views = await Promise.all(items.map((c) => api<View>(`/customers/${c.id}/360`, token)));
      // The past months' complaints are repaired too, but nobody rated them.
      const rated = views.filter((v) => v.repairs.length > 0 && v.tickets.some((t) => t.satisfaction));
      expect(rated).toHaveLength(PAST_COMPLAINTS.length);
      return rated[0];
    });
    expect(view.profile.emails[0]).toMatch(/@example\.com$/);
    expect(view.consents).toContainEqual(expect.objectContaining({ channel: 'email', granted: true }));
    const [repair] = view.repairs;
    expect(repair.technician).toEqual(expect.any(String));
    expect(repair.technician.length).toBeGreaterThan(0);
    expect(repair.station.name).toMatch(/维修站$/);
    const ticket = view.tickets.find((t) => t.ticketId === repair.ticketId);
    expect(ticket).toMatchObject({
      status: 'resolved',
      station: { name: repair.station.name },
      openedBy: { name: '王丽' },
      satisfaction: { score: expect.any(Number) },
    });
    expect(view.interactions).toContainEqual(
      expect.objectContaining({ ticketId: repair.ticketId, kind: 'complaint', agentName: '王丽' }),
    );
    const rated = await api<{ status: string; satisfaction: { score: number } | null }>(
      `/tickets/${repair.ticketId}`,
      token,
    );
    expect(rated.status).toBe('resolved');
    expect(rated.satisfaction?.score).toEqual(expect.any(Number));
  });

  it('runs the complaint story: lookup, 360, complaint, ticket routed to a station', async () => {
    const token = await agentToken();
    const { items } = await api<{ items: { id: string; name: string }[] }>('/customers?limit=100', token);
    const chinese = items.find((c) => /[\u4e00-\u9fff]/.test(c.name)) as { id: string; name: string };
    const found = await eventually(async () => {
      const lookup = await api<{ items: { customerId: string }[] }>(
        `/lookup?q=${encodeURIComponent(chinese.name)}`,
        token,
      );
      expect(lookup.items.map((hit) => hit.customerId)).toContain(chinese.id);
      return api<{ vehicles: { vehicleId: string; model: string }[] }>(`/customers/${chinese.id}/360`, token);
    });
    expect(found.vehicles).toHaveLength(1);
    const receipt = await api<{ ticketId: string }>(`/customers/${chinese.id}/complaints`, token, {
      method: 'POST',
      body: JSON.stringify({
        vehicleId: found.vehicles[0].vehicleId,
        description: '刹车时有异响 (noise when braking)',
        qualityType: 'brakes',
        channel: 'phone',
      }),
    });
    const ticket = await eventually(async () => {
      const current = await api<{ status: string; stationId: string | null }>(
        `/tickets/${receipt.ticketId}`,
        token,
      );
      expect(current.status).toBe('routed');
      return current;
    });
    expect(ticket.stationId).toEqual(expect.any(String));
  });

  it('seeds a sales team whose director sees every stage and a manager only their branch', async () => {
    type Page = { items: { stage: string; ownerId: string; customerId: string | null }[] };
    /** Every page: the past months' showroom sales make more than one. */
    const list = async (login: string) => {
      const token = await agentToken(login);
      const all: Page['items'] = [];
      for (let offset = 0; ; offset += 100) {
        const { items } = await api<Page>(`/opportunities?limit=100&offset=${offset}`, token);
        all.push(...items);
        if (items.length < 100) return all;
      }
    };
    const director = { items: await list('sales.director') };
    expect(director.items.length).toBeGreaterThanOrEqual(18);
    expect(await list('admin')).toHaveLength(director.items.length);
    expect(new Set(director.items.map((o) => o.stage))).toEqual(
      new Set([
        'prospecting',
        'qualification',
        'needs_analysis',
        'test_drive',
        'proposal',
        'negotiation',
        'won',
        'lost',
      ]),
    );
    // The two branches split the director's view between them: a manager sees their own branch only.
    const [east, west] = [await list('sales.manager'), await list('sales.manager.west')];
    expect(east.length).toBeGreaterThanOrEqual(9);
    expect(east.length + west.length).toBe(director.items.length);
    const westOwners = new Set(west.map((o) => o.ownerId));
    expect(east.filter((o) => westOwners.has(o.ownerId))).toEqual([]);
    const rep = await api<Page>('/leads?limit=100', await agentToken('sales.rep'));
    expect(rep.items).toHaveLength(3);
    const activity = await api<{ items: { customerId: string }[] }>(
      '/activities?limit=1',
      await agentToken('sales.rep'),
    );
    const view = await eventually(async () => {
      const found = await api<{ salesActivities: unknown[] }>(
        `/customers/${activity.items[0].customerId}/360`,
        await agentToken(),
      );
      expect(found.salesActivities.length).toBeGreaterThan(0);
      return found;
    });
    expect(view.salesActivities[0]).toMatchObject({ discussed: expect.any(String) });
  });

  it("seeds this month's quotas for every rep and two adjusted forecasts", async () => {
    type Progress = { people: { userId: string; prospects: { quota: number | null } }[] };
    const quotas = await api<Progress>('/quotas', await agentToken('sales.director'));
    expect(quotas.people.filter((p) => p.prospects.quota !== null)).toHaveLength(6);
    const manager = await agentToken('sales.manager');
    const forecasts = await api<{ people: { adjusted: object | null }[] }>('/forecasts', manager);
    expect(forecasts.people.filter((p) => p.adjusted !== null)).toHaveLength(1);
    const { me } = await api<{ me: { userId: string } }>('/sales-team', manager);
    const team = await api<{ adjusted: { note: string } | null }>(`/forecasts/teams/${me.userId}`, manager);
    expect(team.adjusted).toMatchObject({ note: expect.any(String) });
  });

  it('seeds web leads handed to the nearest dealer selling their model, with the decision', async () => {
    type Page = { items: { assignment: { strategy: string; dealerCode: string } | null }[] };
    const leads = await api<Page>('/leads?source=web_form&limit=100', await agentToken('admin'));
    const byDealer = leads.items.filter((lead) => lead.assignment?.strategy === 'nearest-dealer');
    expect(byDealer.map((lead) => lead.assignment?.dealerCode).sort()).toEqual(['D-CD-01', 'D-SH-01']);
  });

  it('shows the demo tickets in the analytics module: KPIs and station scorecards, with their freshness', async () => {
    type Kpis = {
      tickets: number;
      resolution: { count: number };
      satisfaction: { count: number; average: number };
    };
    const token = await agentToken('analyst');
    const scores = PAST_COMPLAINTS.map((complaint) => complaint.score);
    const report = await eventually(async () => {
      const read = await api<{ kpis: Kpis; freshness: { lagSeconds: number } }>(
        '/analytics/service/kpis',
        token,
      );
      expect(read.kpis.satisfaction.count).toBe(scores.length);
      return read;
    });
    expect(report.kpis.tickets).toBeGreaterThanOrEqual(scores.length);
    expect(report.kpis.resolution.count).toBeGreaterThanOrEqual(scores.length);
    expect(report.kpis.satisfaction.average).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length);
    expect(report.freshness.lagSeconds).toEqual(expect.any(Number));
    const cards = await api<{ items: { stationName: string | null; kpis: Kpis }[] }>(
      '/analytics/service/scorecards',
      token,
    );
    expect(cards.items.length).toBeGreaterThan(0);
    expect(cards.items.every((card) => card.stationName !== null)).toBe(true);
  });

  it("forecasts the next quarters of the demo's monthly sales from its past years, with the backtest error", async () => {
    type Forecast = {
      method: string;
      values: number[];
      backtest: {
        method: string;
        holdoutMonths: number;
        actual: number[];
        mae: number;
        mape: number | null;
        smape: number;
      } | null;
    };
    type Market = {
      months: string[];
      forecastMonths: string[];
      totals: { values: number[]; forecast: Forecast };
    };
    const token = await agentToken('analyst');
    const market = await eventually(async () => {
      const read = await api<Market>('/analytics/market?metric=orders&dimension=product', token);
      expect(read.totals.values.slice(-DEMO_HISTORY.salesMonths).every((orders) => orders > 0)).toBe(true);
      return read;
    });
    const { months, forecastMonths, totals } = market;
    expect(months).toHaveLength(36);
    expect(forecastMonths).toHaveLength(6);
    expect(totals.forecast.method).toMatch(/^holt-winters-/);
    expect(totals.forecast.values).toHaveLength(6);
    expect(totals.forecast.values.every((orders) => orders > 0)).toBe(true);
    // A season, not a line: the months ahead differ as the past years' did.
    expect(Math.max(...totals.forecast.values)).toBeGreaterThan(Math.min(...totals.forecast.values));
    const backtest = totals.forecast.backtest!;
    expect(backtest).toMatchObject({ method: expect.stringMatching(/^holt-winters-/), holdoutMonths: 6 });
    expect(backtest.actual).toEqual(totals.values.slice(-6));
    expect(backtest.mape).toEqual(expect.any(Number));
    expect(backtest.smape).toEqual(expect.any(Number));
    // Closer than forecasting nothing: the held-out months are learnt from the years before them.
    const heldOut = backtest.actual.reduce((sum, orders) => sum + orders, 0) / backtest.actual.length;
    expect(backtest.mae).toBeLessThan(heldOut);

    // The service volume the console opens on: the past years' complaints, forecast the same way.
    const tickets = await api<Market>('/analytics/market?metric=tickets&dimension=region', token);
    expect(tickets.totals.values.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(
      DEMO_HISTORY.salesMonths,
    );
    expect(tickets.totals.forecast.method).toMatch(/^holt-winters-/);
    expect(tickets.totals.forecast.backtest).toMatchObject({
      method: expect.stringMatching(/^holt-winters-/),
      mae: expect.any(Number),
    });
  });

  it("raises this month's quality alert for the one cell that jumps, and drills into its tickets", async () => {
    type Alert = {
      model: string;
      qualityType: string;
      month: string;
      complaints: number;
      upperBound: number;
    };
    type Cell = { model: string; qualityType: string; month: string; complaints: number };
    const token = await agentToken('analyst');
    const month = new Date().toISOString().slice(0, 7);
    // The demo seed ran the check once its complaints were counted: no waiting for the hourly job.
    const alerts = await api<{ total: number; items: Alert[] }>('/analytics/quality/alerts?limit=100', token);
    expect(alerts.total).toBe(1);
    const [alert] = alerts.items;
    expect(alert).toMatchObject({
      month,
      qualityType: DEMO_HISTORY.jumpQualityType,
      complaints: DEMO_HISTORY.jumpComplaints,
    });
    expect(alert.complaints).toBeGreaterThan(alert.upperBound);

    // Its baseline: two years of complaints on the model and every type, none of the other cells beyond a few.
    const from = new Date(Date.UTC(Number(month.slice(0, 4)) - 2, Number(month.slice(5, 7)) - 1, 1));
    const cells: Cell[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await api<{ items: Cell[] }>(
        `/analytics/quality/complaint-rates?from=${from.toISOString().slice(0, 7)}&to=${month}&limit=100&offset=${offset}`,
        token,
      );
      cells.push(...page.items);
      if (page.items.length < 100) break;
    }
    const past = cells.filter((cell) => cell.month < month);
    expect(new Set(past.map((cell) => cell.month)).size).toBeGreaterThanOrEqual(12);
    expect(past.filter((cell) => cell.model === alert.model).length).toBeGreaterThan(0);
    expect(Math.max(...past.map((cell) => cell.complaints))).toBeLessThanOrEqual(DEMO_HISTORY.cellCap);

    const cell = `model=${encodeURIComponent(alert.model)}&qualityType=${alert.qualityType}&month=${month}`;
    const tickets = await api<{
      total: number;
      items: { openedAt: string; qualityType: string; model: string }[];
    }>(`/analytics/quality/complaint-rates/tickets?${cell}&limit=100`, token);
    expect(tickets.total).toBe(alert.complaints);
    expect(tickets.items).toHaveLength(alert.complaints);
    for (const ticket of tickets.items) {
      expect(ticket).toMatchObject({ qualityType: alert.qualityType, model: alert.model });
      expect(ticket.openedAt.slice(0, 7)).toBe(month);
    }
  });

  it('shows the demo deals in the sales analytics: win rate, quotas and the pipeline, per rep', async () => {
    type Figures = { won: number; lost: number; winRate: number | null; quotaRevenue: number | null };
    const token = await agentToken('analyst');
    const report = await eventually(async () => {
      const read = await api<{ totals: Figures; pipeline: { stage: string }[]; items: Figures[] }>(
        '/analytics/sales/performance',
        token,
      );
      expect(read.totals.won).toBeGreaterThan(0);
      expect(read.totals.lost).toBeGreaterThan(0);
      return read;
    });
    expect(report.totals.winRate).toBeCloseTo(report.totals.won / (report.totals.won + report.totals.lost));
    expect(report.pipeline.length).toBeGreaterThan(0);
    expect(report.items.length).toBeGreaterThan(0);

    // The demo's sales tree reaches analytics (sales-user.placed): teams named, the director's above both managers'.
    const teams = await eventually(async () => {
      const read = await api<{ items: { managerId: string | null; name: string | null }[] }>(
        '/analytics/sales/performance?by=team',
        token,
      );
      expect(read.items.filter((row) => row.name !== null)).toHaveLength(3);
      return read.items;
    });
    const { me: director } = await api<{ me: { userId: string; name: string } }>(
      '/sales-team',
      await agentToken('sales.director'),
    );
    const below = await api<{ items: { managerId: string }[] }>(
      `/analytics/sales/performance?by=team&managerId=${director.userId}`,
      token,
    );
    expect(teams.find((row) => row.managerId === director.userId)?.name).toBe(director.name);
    expect(below.items.map((row) => row.managerId).sort()).toEqual(
      teams
        .filter((row) => row.managerId && row.managerId !== director.userId)
        .map((row) => row.managerId)
        .sort(),
    );
  });

  it('values the demo orders in the analytics module: tiers, RFM segments and the Pareto view', async () => {
    type Summary = {
      distribution: { customers: number; totalValue: number };
      tiers: { tier: string; customers: number }[];
      segments: { customers: number }[];
      pareto: { valueShare: number };
      freshness: { computedAt: string | null };
    };
    const token = await agentToken('analyst');
    // The schedule recomputes by itself once the demo orders have arrived.
    const summary = await eventually(async () => {
      const read = await api<Summary>('/analytics/customer-value/summary', token);
      expect(read.distribution.customers).toBeGreaterThan(0);
      return read;
    }, 60_000);
    const count = (items: { customers: number }[]) => items.reduce((sum, item) => sum + item.customers, 0);
    expect(count(summary.tiers)).toBe(summary.distribution.customers);
    expect(count(summary.segments)).toBe(summary.distribution.customers);
    expect(summary.tiers.find((tier) => tier.tier === 'platinum')?.customers).toBeGreaterThan(0);
    expect(summary.distribution.totalValue).toBeGreaterThan(0);
    expect(summary.pareto.valueShare).toBeGreaterThan(0);
    expect(summary.freshness.computedAt).toEqual(expect.any(String));
  });

  it("seeds the marketer's segments, evaluated live over the campaigns replica", async () => {
    const token = await agentToken('marketer');
    const segments = await api<{ items: { id: string; name: string }[] }>('/segments', token);
    const shanghai = segments.items.find((segment) => segment.name.startsWith('上海')) as { id: string };
    expect(segments.items.map((segment) => segment.name).sort()).toEqual([
      'Birthday this month',
      'Happy after a recent visit: serviced within 2 months, rated 4-5',
      'SMS-consenting customers',
      '上海 email-consenting customers',
    ]);
    // The past tickets rated 5 and 4 (and one rated 3), over the service app's events.
    const happy = segments.items.find((segment) => segment.name.startsWith('Happy')) as { id: string };
    await eventually(async () =>
      expect((await api<{ count: number }>(`/segments/${happy.id}/count`, token)).count).toBe(2),
    );
    await eventually(async () =>
      expect((await api<{ count: number }>(`/segments/${shanghai.id}/count`, token)).count).toBeGreaterThan(
        0,
      ),
    );
    const preview = await api<{ items: { city: string }[] }>(`/segments/${shanghai.id}/preview`, token);
    expect(new Set(preview.items.map((member) => member.city))).toEqual(new Set(['上海市']));
  });

  it("sends the marketer's demo campaigns (email, SMS) through the pipeline, shows their results, and keeps the recurring one", async () => {
    const token = await agentToken('marketer');
    type Campaign = { id: string; name: string; status: string; channel: string; schedule: unknown };
    const campaigns = await api<{ items: Campaign[] }>('/campaigns', token);
    const byName = new Map(campaigns.items.map((campaign) => [campaign.name, campaign]));
    expect([...byName.keys()].sort()).toEqual(
      ['保养提醒短信', '春季保养关怀', '车主俱乐部月度活动', '冬季保养短信（对照组）'].sort(),
    );
    expect(byName.get('车主俱乐部月度活动')?.schedule).toMatchObject({
      kind: 'recurring',
      cron: '0 10 1 * *',
    });
    type Progress = { status: string; sent: number; queued: number; heldOut: number };
    const onceSent = (name: string) =>
      eventually(
        async () => {
          const { id } = byName.get(name) as Campaign;
          const now = await api<Progress>(`/campaigns/${id}/progress`, token);
          expect(now.status).toBe('sent');
          return now;
        },
        90_000,
        500,
      );
    for (const name of ['春季保养关怀', '保养提醒短信']) {
      const { id } = byName.get(name) as Campaign;
      const progress = await onceSent(name);
      expect(progress.queued).toBe(0);
      expect(progress.sent).toBeGreaterThan(0);
      const results = await api<{ treated: { delivered: number } }>(`/campaigns/${id}/results`, token);
      expect(results.treated.delivered).toBe(progress.sent);
    }
    const held = await onceSent('冬季保养短信（对照组）');
    expect(held.heldOut).toBeGreaterThan(0);
    expect(held.sent).toBeGreaterThan(0);
  }, 180_000);

  it("imports a dealer DMS's sale through the embedded customer master once, on PGlite's one connection", async () => {
    const token = await agentToken('admin');
    const dealers = await api<{ items: { partnerId: string }[] }>('/partners?kind=dealer&limit=1', token);
    const sale = {
      externalId: 'EMBEDDED-S-1',
      vin: withCheckDigit('LSVAU2180N2990001'),
      model: 'A6 Sedan',
      buyer: { name: '周明', phone: '13900990001', externalCustomerId: 'EMBEDDED-C-1' },
      dealerId: dealers.items[0].partnerId,
      soldOn: '2026-05-20',
    };
    const send = () =>
      api<{ rows: { status: string; vehicleId: string }[] }>('/inbound/vehicle-sales:batch', token, {
        method: 'POST',
        body: JSON.stringify([sale]),
      });
    const [first] = (await send()).rows;
    expect(first.status).toBe('created');
    expect((await send()).rows).toEqual([
      expect.objectContaining({ status: 'unchanged', vehicleId: first.vehicleId }),
    ]);
  });
});
