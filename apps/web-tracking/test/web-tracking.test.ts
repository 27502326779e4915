import { randomUUID } from 'node:crypto';
import {
  BrowsingProfileChanged,
  CustomerErased,
  CustomerMerged,
  CustomerRegistered,
  CustomerState,
  CustomerUpdated,
  PayloadOf,
  Roles,
} from '@crm/contracts';
import { TooManyRequestsError, TrackingTokens } from '@crm/core';
import { eventually } from '@crm/testing';
import { TrackingRateLimit } from '../src/collect/tracking-rate-limit';
import { PageViewRetention } from '../src/retention/page-view-retention';
import { SiteSignature } from '../src/visitors/site-signature';
import { CAMPAIGN_LINK_SECRET, SITE_ORIGIN, SITE_SECRET, WebTrackingHarness } from './web-tracking.harness';

const RATE_PER_VISITOR = 8;

function customer(consents: CustomerState['consents'] = []): CustomerState {
  return {
    customerId: randomUUID(),
    kind: 'person',
    name: '李雷',
    namePinyin: 'li lei',
    phones: [],
    emails: [],
    address: null,
    birthday: null,
    gender: null,
    tags: [],
    ownerSalesRepId: null,
    consents,
  };
}
const granted = (yes: boolean) => ({
  channel: 'email' as const,
  granted: yes,
  at: '2026-01-01T00:00:00.000Z',
  source: 'test',
});
/** The customer master's `web` consent (ADR 0055); events from before it carry none. */
const webConsent = (yes: boolean) => ({
  granted: yes,
  at: '2026-02-01T00:00:00.000Z',
  source: 'website-banner',
});

describe('web-tracking (ADR 0044)', () => {
  let harness: WebTrackingHarness;

  beforeAll(async () => {
    harness = await WebTrackingHarness.start({ settings: { ratePerVisitorPerMinute: RATE_PER_VISITOR } });
  });
  afterAll(() => harness.stop());

  const beacon = (body: unknown, origin = SITE_ORIGIN) =>
    harness
      .http()
      .post('/tracking/events')
      .set('Origin', origin)
      .set('Content-Type', 'text/plain')
      .send(typeof body === 'string' ? body : JSON.stringify(body));

  const view = (visitorId: string, extra: Record<string, unknown> = {}) => ({
    type: 'view',
    consent: true,
    visitorId,
    viewId: randomUUID(),
    seq: 1,
    path: '/models/aurora-s7',
    category: 'models',
    model: 'Aurora S7',
    ...extra,
  });

  const link = (
    visitorId: string,
    customerId: string,
    signature = new SiteSignature(SITE_SECRET).sign(visitorId, customerId, new Date()),
  ) =>
    harness
      .http()
      .post(`/tracking/visitors/${visitorId}/customer`)
      .set('X-Site-Signature', signature)
      .send({ customerId });

  const count = async (sql: string, params: unknown[]) =>
    Number((await harness.query<{ n: string }>(`SELECT count(*) n FROM ${sql}`, params))[0].n);
  const viewsOf = (visitorId: string) => count(`web_tracking.page_view WHERE visitor_id = $1`, [visitorId]);
  const profileEvents = async (customerId: string) =>
    (await harness.outbox(BrowsingProfileChanged.type))
      .filter((e) => e.aggregateId === customerId)
      .map((e) => (e.payload as PayloadOf<typeof BrowsingProfileChanged>).profile);

  async function registered(state: CustomerState): Promise<void> {
    await harness.publish(CustomerRegistered, state.customerId, state);
    await eventually(async () =>
      expect(await count(`web_tracking.customer_consent WHERE customer_id = $1`, [state.customerId])).toBe(1),
    );
  }

  it('stores nothing for a visitor without consent, and nothing about them at all', async () => {
    const visitorId = randomUUID();
    const withoutConsent = view(visitorId, { consent: undefined });
    for (const body of [
      withoutConsent,
      view(visitorId, { consent: false }),
      view(visitorId, { consent: 'yes' }),
    ]) {
      const answer = await beacon(body).expect(202);
      expect(answer.body).toEqual({ stored: false });
    }
    expect(await viewsOf(visitorId)).toBe(0);
    expect(await count(`web_tracking.visitor WHERE visitor_id = $1`, [visitorId])).toBe(0);
  });

  it('stores nothing a crawler or a scripted browser sends, even with consent', async () => {
    const visitorId = randomUUID();
    for (const userAgent of [
      'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36',
    ])
      expect((await beacon(view(visitorId)).set('User-Agent', userAgent).expect(202)).body).toEqual({
        stored: false,
      });
    expect(await viewsOf(visitorId)).toBe(0);
  });

  it("keeps a consenting visitor's page views once each, in sequence, with the time on page", async () => {
    const visitorId = randomUUID();
    const first = view(visitorId);
    expect((await beacon(first).expect(202)).body).toEqual({ stored: true });
    expect((await beacon(first).expect(202)).body).toEqual({ stored: false });
    await beacon(
      view(visitorId, { seq: 2, path: '/financing', category: 'financing', model: undefined }),
    ).expect(202);
    await beacon({
      type: 'leave',
      consent: true,
      visitorId,
      viewId: first.viewId,
      seq: 1,
      dwellMs: 42_000,
    }).expect(202);
    const rows = await harness.query<{
      sequence: number;
      path: string;
      dwell_ms: number | null;
      customer_id: string | null;
    }>(
      `SELECT sequence, path, dwell_ms, customer_id FROM web_tracking.page_view WHERE visitor_id = $1 ORDER BY sequence`,
      [visitorId],
    );
    expect(rows).toEqual([
      { sequence: 1, path: '/models/aurora-s7', dwell_ms: 42_000, customer_id: null },
      { sequence: 2, path: '/financing', dwell_ms: null, customer_id: null },
    ]);
  });

  it('answers garbage with a 4xx problem naming the field, never a 5xx, and stores nothing', async () => {
    const visitorId = randomUUID();
    const notJson = await beacon('{"type":').expect(400);
    expect(notJson.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(notJson.body.errors).toEqual([{ field: 'body', message: 'not JSON' }]);
    const badPath = await beacon(view(visitorId, { path: 'javascript:alert(1)' })).expect(400);
    expect(badPath.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.path']);
    const extra = await beacon(view(visitorId, { cookie: 'x' })).expect(400);
    expect(extra.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.cookie']);
    await beacon(view(visitorId, { seq: -1 })).expect(400);
    const tooLarge = await beacon(view(visitorId, { model: 'x'.repeat(5_000) })).expect(413);
    expect(tooLarge.headers['content-type']).toMatch(/application\/problem\+json/);
    await beacon('[1,2]').expect(400);
    await harness
      .http()
      .post('/tracking/events')
      .set('Origin', SITE_ORIGIN)
      .set('Content-Type', 'image/png')
      .send('x')
      .expect(415);
    expect(await viewsOf(visitorId)).toBe(0);
  });

  it('takes beacons only from the configured site origins (CORS), answering their preflight', async () => {
    const visitorId = randomUUID();
    const foreign = await beacon(view(visitorId), 'https://evil.example').expect(403);
    expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    await harness
      .http()
      .post('/tracking/events')
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(view(visitorId)))
      .expect(403);
    expect(await viewsOf(visitorId)).toBe(0);
    const preflight = await harness.http().options('/tracking/events').set('Origin', SITE_ORIGIN).expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    const allowed = await beacon(view(visitorId)).expect(202);
    expect(allowed.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
  });

  it('limits beacons per visitor and per IP address (counted in Redis)', async () => {
    const visitorId = randomUUID();
    const statuses: number[] = [];
    for (let i = 1; i <= RATE_PER_VISITOR + 1; i++)
      statuses.push((await beacon(view(visitorId, { seq: i }))).status);
    expect(statuses).toEqual([...Array(RATE_PER_VISITOR).fill(202), 429]);
    expect(await viewsOf(visitorId)).toBe(RATE_PER_VISITOR);

    const limit = harness.app.get(TrackingRateLimit);
    const address = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    for (let i = 0; i < 600; i++) await limit.checkAddress(address);
    await expect(limit.checkAddress(address)).rejects.toBeInstanceOf(TooManyRequestsError);
  });

  it('serves the script, which sends nothing before consent', async () => {
    const script = await harness.http().get('/tracking/script.js').expect(200);
    expect(script.headers['content-type']).toMatch(/application\/javascript/);
    expect(script.text.length).toBeLessThan(5_000);
    // Every send happens inside pageView, reportDwell (guarded by consent) or the withdrawal.
    expect(script.text).toMatch(
      /if \(window\.crmTrackingConsent === true\) window\.crmTracking\.consent\(true\);/,
    );
    expect(script.text).toMatch(/if \(!consented \|\| !view\) return;/);
  });

  it('ties a visitor to the customer the site says logged in, and publishes their profile only when it changes', async () => {
    const visitorId = randomUUID();
    const person = customer([granted(true)]);
    await registered(person);
    await beacon(view(visitorId)).expect(202);
    await link(visitorId, person.customerId).expect(204);
    expect(await count(`web_tracking.page_view WHERE customer_id = $1`, [person.customerId])).toBe(1);
    expect(await profileEvents(person.customerId)).toEqual([
      {
        models: ['Aurora S7'],
        interests: ['models'],
        dwellSeconds: 0,
        modelDwell: [{ model: 'Aurora S7', dwellSeconds: 0 }],
        visits: 1,
        lastVisitAt: expect.any(String),
      },
    ]);
    // Same model, same visit: nothing new to say.
    await beacon(view(visitorId, { seq: 2 })).expect(202);
    expect(await profileEvents(person.customerId)).toHaveLength(1);
    await beacon(view(visitorId, { seq: 3, model: 'Nova E3' })).expect(202);
    expect((await profileEvents(person.customerId))[1]).toEqual(
      expect.objectContaining({ models: ['Aurora S7', 'Nova E3'], visits: 1 }),
    );
  });

  it('refuses an unsigned, forged or stale login link, and links no visitor who never consented', async () => {
    const visitorId = randomUUID();
    const person = customer();
    await beacon(view(visitorId)).expect(202);
    await link(visitorId, person.customerId, 't=1,s=' + 'A'.repeat(43)).expect(401);
    const stale = new SiteSignature(SITE_SECRET).sign(
      visitorId,
      person.customerId,
      new Date(Date.now() - 3_600_000),
    );
    await link(visitorId, person.customerId, stale).expect(401);
    const forged = new SiteSignature(`${SITE_SECRET}-not`).sign(visitorId, person.customerId, new Date());
    await link(visitorId, person.customerId, forged).expect(401);
    await harness
      .http()
      .post(`/tracking/visitors/${visitorId}/customer`)
      .send({ customerId: person.customerId })
      .expect(401);
    const badBody = await link(visitorId, 'nobody').expect(400);
    expect(badBody.body.errors[0].field).toBe('customerId');
    expect(await count(`web_tracking.visitor WHERE customer_id = $1`, [person.customerId])).toBe(0);

    const stranger = randomUUID();
    await link(stranger, person.customerId).expect(204);
    expect(await count(`web_tracking.visitor WHERE visitor_id = $1`, [stranger])).toBe(0);
  });

  it("knows the visitor from a campaign link's click token, verified with campaigns' own code", async () => {
    const person = customer();
    const token = new TrackingTokens(CAMPAIGN_LINK_SECRET).signClick({
      campaignId: randomUUID(),
      customerId: person.customerId,
      linkIndex: 0,
    });
    const visitorId = randomUUID();
    await beacon(view(visitorId, { campaignToken: token })).expect(202);
    expect(await count(`web_tracking.page_view WHERE customer_id = $1`, [person.customerId])).toBe(1);

    const forged = new TrackingTokens(`${CAMPAIGN_LINK_SECRET}-x`).signClick({
      campaignId: randomUUID(),
      customerId: person.customerId,
      linkIndex: 0,
    });
    const other = randomUUID();
    await beacon(view(other, { campaignToken: forged })).expect(202);
    expect(
      await harness.query(`SELECT customer_id FROM web_tracking.page_view WHERE visitor_id = $1`, [other]),
    ).toEqual([{ customer_id: null }]);
  });

  it('stores nothing for a known customer withdrawn in the customer master, and forgets them when they withdraw', async () => {
    const withdrawn = customer([granted(false)]);
    await registered(withdrawn);
    const visitorId = randomUUID();
    await beacon(view(visitorId)).expect(202);
    await link(visitorId, withdrawn.customerId).expect(204);
    expect(await viewsOf(visitorId)).toBe(0);
    expect(await count(`web_tracking.visitor WHERE customer_id = $1`, [withdrawn.customerId])).toBe(0);

    const person = customer([granted(true)]);
    await registered(person);
    const theirs = randomUUID();
    await beacon(view(theirs)).expect(202);
    await link(theirs, person.customerId).expect(204);
    await harness.publish(CustomerUpdated, person.customerId, {
      ...person,
      consents: [granted(false)],
      changedFields: ['consents'],
    });
    await eventually(async () => expect(await viewsOf(theirs)).toBe(0));
    expect(await count(`web_tracking.browsing_profile WHERE customer_id = $1`, [person.customerId])).toBe(0);
    expect((await profileEvents(person.customerId)).at(-1)).toBeNull();
    // The same browser keeps sending: the visitor is gone, so it starts again as nobody.
    await beacon(view(theirs, { seq: 2 })).expect(202);
    expect(await count(`web_tracking.page_view WHERE customer_id = $1`, [person.customerId])).toBe(0);
  });

  it('tracks a customer who granted web tracking though every marketing consent is withdrawn, and forgets them when they withdraw it', async () => {
    const person = { ...customer([granted(false)]), webConsent: webConsent(true) };
    await registered(person);
    const visitorId = randomUUID();
    await beacon(view(visitorId)).expect(202);
    await link(visitorId, person.customerId).expect(204);
    expect(await count(`web_tracking.page_view WHERE customer_id = $1`, [person.customerId])).toBe(1);
    expect((await profileEvents(person.customerId)).at(-1)).toEqual(
      expect.objectContaining({ models: ['Aurora S7'] }),
    );

    await harness.publish(CustomerUpdated, person.customerId, {
      ...person,
      webConsent: webConsent(false),
      changedFields: ['consents'],
    });
    await eventually(async () => expect(await viewsOf(visitorId)).toBe(0));
    expect(await count(`web_tracking.visitor WHERE customer_id = $1`, [person.customerId])).toBe(0);
    expect(await count(`web_tracking.browsing_profile WHERE customer_id = $1`, [person.customerId])).toBe(0);
    expect((await profileEvents(person.customerId)).at(-1)).toBeNull();
  });

  it('tracks nobody who withdrew web tracking, whatever their marketing consents', async () => {
    const person = { ...customer([granted(true)]), webConsent: webConsent(false) };
    await registered(person);
    const visitorId = randomUUID();
    await beacon(view(visitorId)).expect(202);
    await link(visitorId, person.customerId).expect(204);
    expect(await viewsOf(visitorId)).toBe(0);
    expect(await count(`web_tracking.visitor WHERE customer_id = $1`, [person.customerId])).toBe(0);
  });

  it('stores nothing, not even anonymously, for a withdrawn customer a campaign link names', async () => {
    const withdrawn = customer([granted(false)]);
    await registered(withdrawn);
    const token = new TrackingTokens(CAMPAIGN_LINK_SECRET).signClick({
      campaignId: randomUUID(),
      customerId: withdrawn.customerId,
      linkIndex: 0,
    });
    const visitorId = randomUUID();
    expect((await beacon(view(visitorId, { campaignToken: token })).expect(202)).body).toEqual({
      stored: false,
    });
    expect(await viewsOf(visitorId)).toBe(0);
    expect(await count(`web_tracking.visitor WHERE visitor_id = $1`, [visitorId])).toBe(0);
  });

  it("answers its part of a person's data export to the privacy officer only", async () => {
    const person = customer([granted(true)]);
    await registered(person);
    const visitorId = randomUUID();
    await beacon(view(visitorId)).expect(202);
    await link(visitorId, person.customerId).expect(204);
    const path = `/privacy/web-tracking/customers/${person.customerId}/export`;
    await harness
      .http()
      .get(path)
      .set('Authorization', await harness.auth({ roles: [Roles.agent] }))
      .expect(403);
    const { body } = await harness
      .http()
      .get(path)
      .set('Authorization', await harness.auth({ roles: [Roles.privacyOfficer] }))
      .expect(200);
    expect(body.source).toBe('web-tracking');
    expect(body.tables.page_view).toEqual([
      expect.objectContaining({ path: '/models/aurora-s7', model: 'Aurora S7' }),
    ]);
    expect(body.tables.browsing_profile).toEqual([expect.objectContaining({ models: ['Aurora S7'] })]);
  });

  it('lets a visitor withdraw on the site: their anonymous page views go', async () => {
    const visitorId = randomUUID();
    await beacon(view(visitorId)).expect(202);
    expect((await beacon({ type: 'forget', visitorId }).expect(202)).body).toEqual({ stored: false });
    expect(await viewsOf(visitorId)).toBe(0);
    expect(await count(`web_tracking.visitor WHERE visitor_id = $1`, [visitorId])).toBe(0);
  });

  it("erases a person's page views, visitors and profile, and never links them again", async () => {
    const person = customer();
    await registered(person);
    const visitorId = randomUUID();
    await beacon(view(visitorId)).expect(202);
    await link(visitorId, person.customerId).expect(204);
    await harness.publish(CustomerErased, person.customerId, {
      customerId: person.customerId,
      erasedAt: new Date().toISOString(),
    });
    await eventually(async () => expect(await viewsOf(visitorId)).toBe(0));
    expect(await count(`web_tracking.browsing_profile WHERE customer_id = $1`, [person.customerId])).toBe(0);
    expect(await count(`web_tracking.visitor WHERE customer_id = $1`, [person.customerId])).toBe(0);
    const again = randomUUID();
    await beacon(view(again)).expect(202);
    await link(again, person.customerId).expect(204);
    expect(await count(`web_tracking.page_view WHERE customer_id = $1`, [person.customerId])).toBe(0);
  });

  it("follows a merge: the merged record's views and visitors become the survivor's", async () => {
    const survivor = customer();
    const merged = customer();
    await registered(survivor);
    await registered(merged);
    const visitorId = randomUUID();
    await beacon(view(visitorId, { model: 'Nova E3' })).expect(202);
    await link(visitorId, merged.customerId).expect(204);
    await harness.publish(CustomerMerged, survivor.customerId, {
      survivorId: survivor.customerId,
      mergedId: merged.customerId,
      movedVehicleIds: [],
      survivor,
    });
    await eventually(async () =>
      expect(await count(`web_tracking.page_view WHERE customer_id = $1`, [survivor.customerId])).toBe(1),
    );
    expect(await count(`web_tracking.visitor WHERE customer_id = $1`, [survivor.customerId])).toBe(1);
    expect((await profileEvents(merged.customerId)).at(-1)).toBeNull();
    expect((await profileEvents(survivor.customerId)).at(-1)).toEqual(
      expect.objectContaining({ models: ['Nova E3'] }),
    );
  });

  it('ranks models and interests by time on page, capped at 10 minutes a view, bounces counting nothing', async () => {
    const person = customer();
    await registered(person);
    // Three browsers of one person, as the per-visitor limit allows few beacons a minute.
    const seen = async (
      visitorId: string,
      pages: Array<{ model?: string; category: string; dwellMs: number }>,
    ) => {
      for (const [index, page] of pages.entries()) {
        const shown = view(visitorId, { seq: index + 1, model: page.model, category: page.category });
        await beacon(shown).expect(202);
        await beacon({
          type: 'leave',
          consent: true,
          visitorId,
          viewId: shown.viewId,
          seq: index + 1,
          dwellMs: page.dwellMs,
        }).expect(202);
      }
      await link(visitorId, person.customerId).expect(204);
    };
    await seen(randomUUID(), [
      { model: 'Aurora S7', category: 'models', dwellMs: 900_000 }, // counts 600 s
      { model: 'Nova E3', category: 'models', dwellMs: 20_400 },
      { model: 'Nova E3', category: 'models', dwellMs: 20_300 },
      { model: 'Nova E3', category: 'models', dwellMs: 20_300 }, // 61 s in all
    ]);
    await seen(randomUUID(), [
      { model: 'Terra X', category: 'models', dwellMs: 1_000 },
      { model: 'Terra X', category: 'models', dwellMs: 1_500 },
      { model: 'Terra X', category: 'models', dwellMs: 1_999 },
      { model: 'Nova E3', category: 'models', dwellMs: 800 }, // bounces, all four
    ]);
    await seen(randomUUID(), [{ category: 'financing', dwellMs: 100_000 }]);
    // By views Terra X (3) and Nova E3 (4) would lead; by engaged time Aurora S7 does, and Terra X is gone.
    await eventually(async () =>
      expect((await profileEvents(person.customerId)).at(-1)).toEqual({
        models: ['Aurora S7', 'Nova E3'],
        interests: ['models', 'financing'],
        dwellSeconds: 761,
        modelDwell: [
          { model: 'Aurora S7', dwellSeconds: 600 },
          { model: 'Nova E3', dwellSeconds: 61 },
        ],
        visits: 1,
        lastVisitAt: expect.any(String),
      }),
    );
  });

  it('publishes dwell only when a total crosses a whole minute', async () => {
    const person = customer();
    await registered(person);
    const visitorId = randomUUID();
    const shown = view(visitorId);
    await beacon(shown).expect(202);
    await link(visitorId, person.customerId).expect(204);
    const leave = (dwellMs: number) =>
      beacon({ type: 'leave', consent: true, visitorId, viewId: shown.viewId, seq: 1, dwellMs }).expect(202);
    const published = (await profileEvents(person.customerId)).length;
    await leave(30_000);
    await leave(45_000);
    expect(await profileEvents(person.customerId)).toHaveLength(published);
    await leave(61_000);
    expect((await profileEvents(person.customerId)).at(-1)).toEqual(
      expect.objectContaining({ dwellSeconds: 61, modelDwell: [{ model: 'Aurora S7', dwellSeconds: 61 }] }),
    );
    expect(await profileEvents(person.customerId)).toHaveLength(published + 1);
  });

  it('deletes raw page views past the retention in batches, keeping recent ones', async () => {
    const old = randomUUID();
    await harness.query(
      `INSERT INTO web_tracking.page_view (visitor_id, view_id, sequence, path, viewed_at)
       SELECT $1, gen_random_uuid(), n, '/', now() - interval '181 days' FROM generate_series(1, 12000) n`,
      [old],
    );
    const recent = randomUUID();
    await beacon(view(recent)).expect(202);
    const purged = await harness.app.get(PageViewRetention).purge();
    expect(purged.pageViews).toBeGreaterThanOrEqual(12_000);
    expect(await viewsOf(old)).toBe(0);
    expect(await viewsOf(recent)).toBe(1);
  });
});
