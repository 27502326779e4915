import { randomUUID } from 'node:crypto';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { IS_PUBLIC, PARTNER_SCOPE, PartnerScopeMetadata, REQUIRED_ROLES, SESSION_COOKIE } from '@crm/auth';
import { PARTNER_ROLES, PartnerKind, Role, Roles, STAFF_ROLES } from '@crm/contracts';
import { configureHttpApp } from '@crm/platform';
import { createTestDatabase, TestDatabase, testPlatformConfig, TestTokenIssuer } from '@crm/testing';
import { ALL_IN_ONE_API, AllInOneModule, allInOneConfigSchema } from '@crm/app-all-in-one';
import { withCheckDigit } from '@crm/app-customer-master';

interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  isPublic: boolean;
  roles: Role[];
  scope?: PartnerScopeMetadata;
  name: string;
}

const VERBS: Partial<Record<RequestMethod, Route['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

/** Every HTTP route of every service module, read from Nest's own metadata: a new route is covered by itself. */
function discoverRoutes(app: INestApplication): Route[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const join = (...parts: (string | undefined)[]) =>
    `/${parts
      .flatMap((part) => (part ?? '').split('/'))
      .filter(Boolean)
      .join('/')}`;
  return discovery.getControllers().flatMap(({ metatype, instance }) => {
    if (!metatype || !instance) return [];
    const base = Reflect.getMetadata(PATH_METADATA, metatype) as string | undefined;
    return scanner.getAllMethodNames(Object.getPrototypeOf(instance)).flatMap((name) => {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      const verb = VERBS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      if (path === undefined || !verb) return [];
      const targets = [handler as never, metatype];
      return [
        {
          method: verb,
          path: join(base, path),
          isPublic: !!reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets),
          roles: reflector.getAllAndOverride<Role[]>(REQUIRED_ROLES, targets) ?? [],
          scope: reflector.getAllAndOverride<PartnerScopeMetadata>(PARTNER_SCOPE, targets),
          name: `${verb.toUpperCase()} ${join(base, path)}`,
        },
      ];
    });
  });
}

const takesId = (route: Route) => route.path.includes('/:');
const mutates = (route: Route) => route.method !== 'get';

describe('access to every route, by caller', () => {
  let tokens: TestTokenIssuer;
  let database: TestDatabase;
  let app: INestApplication;
  let routes: Route[];
  const partners: Record<'dealerA' | 'dealerB' | 'stationA' | 'stationB', { id: string; kind: PartnerKind }> =
    {} as never;
  const bearer: Record<string, string> = {};
  /** A record of dealer A per partner-scoped resource it can own. */
  const ownedByDealerA: Record<string, string> = {};
  /** Station A's own record, for the scopes a repair station owns. */
  const ownedByStationA: Record<string, string> = {};
  type Caller = 'dealerA' | 'dealerB' | 'stationA' | 'stationB';
  const CALLERS: Caller[] = ['dealerA', 'dealerB', 'stationA', 'stationB'];
  /** The record a route is called with, and which partner owns it (none: a random id nobody owns). */
  const recordFor = (route: Route): { id?: string; owner?: Caller } => {
    const resource = route.scope?.resource;
    if (!resource) return {};
    if (ownedByStationA[resource]) return { id: ownedByStationA[resource], owner: 'stationA' };
    if (ownedByDealerA[resource]) return { id: ownedByDealerA[resource], owner: 'dealerA' };
    return {};
  };
  const roleOf = (caller: Caller) =>
    partners[caller].kind === 'dealer' ? Roles.dealer : Roles.repairStation;

  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    tokens = await TestTokenIssuer.start();
    database = await createTestDatabase('security_matrix');
    const platform = testPlatformConfig({
      DATABASE_URL: database.url,
      AUTH_JWKS_URL: tokens.jwksUrl,
      EVENT_TRANSPORT: 'in-process',
    });
    const config = allInOneConfigSchema.parse({
      DATABASE_URL: platform.DATABASE_URL,
      REDIS_URL: platform.REDIS_URL,
      AUTH_JWKS_URL: platform.AUTH_JWKS_URL,
      AUTH_ISSUER: platform.AUTH_ISSUER,
      PORT: '3999',
      DEMO_SEED: 'false',
      LOG_LEVEL: 'error',
      IDENTITY_KEY_ENCRYPTION_KEY: Buffer.alloc(32, 'matrix').toString('base64'),
    });
    const moduleRef = await Test.createTestingModule({ imports: [AllInOneModule.forRoot(config)] }).compile();
    app = configureHttpApp(
      moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] }),
      ALL_IN_ONE_API,
    );
    await app.init();
    routes = discoverRoutes(app);

    const as = (roles: Role[], partner?: { id: string; kind: PartnerKind }) =>
      tokens.sign({ roles, partnerId: partner?.id, partnerKind: partner?.kind }).then((t) => `Bearer ${t}`);
    const admin = await as([Roles.admin]);
    const register = async (kind: PartnerKind, code: string) => {
      const response = await http()
        .post('/partners')
        .set('Authorization', admin)
        .send({ kind, code, name: code, location: { lat: 31.2, lon: 121.4 } })
        .expect(201);
      return { id: response.body.partnerId as string, kind };
    };
    partners.dealerA = await register('dealer', 'SEC-DA');
    partners.dealerB = await register('dealer', 'SEC-DB');
    partners.stationA = await register('repair_station', 'SEC-SA');
    partners.stationB = await register('repair_station', 'SEC-SB');
    for (const [name, partner] of Object.entries(partners))
      bearer[name] = await as([partner.kind === 'dealer' ? Roles.dealer : Roles.repairStation], partner);
    for (const role of STAFF_ROLES) bearer[role] = await as([role]);

    ownedByDealerA.customer = (
      await http()
        .post('/customers')
        .set('Authorization', bearer.dealerA)
        .send({ kind: 'person', name: '安全测试', phones: ['13100139001'] })
        .expect(201)
    ).body.id;
    ownedByDealerA.vehicle = (
      await http()
        .post(`/customers/${ownedByDealerA.customer}/vehicles`)
        .set('Authorization', bearer.dealerA)
        .send({ vin: withCheckDigit('LSVAU2180N2900017'), brand: 'Roewe', model: 'i5' })
        .expect(201)
    ).body.vehicleId;
    ownedByDealerA.partner = partners.dealerA.id;
    ownedByDealerA['dealer-sales'] = partners.dealerA.id;
    ownedByStationA.station = partners.stationA.id;
    expect(ownedByDealerA).toEqual({
      customer: expect.any(String),
      vehicle: expect.any(String),
      partner: expect.any(String),
      'dealer-sales': expect.any(String),
    });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await tokens?.stop();
    await database?.drop();
  });

  /**
   * The path with the scoped parameter set to `scopedId` and every other parameter to a fresh UUID; an
   * escaped colon (`vehicle-sales\\:batch`, a custom method) is a literal one.
   */
  const pathOf = (route: Route, scopedId?: string) =>
    route.path
      .replace(/(?<!\\):(\w+)/g, (_m, param: string) =>
        param === route.scope?.param && scopedId ? scopedId : randomUUID(),
      )
      .replace(/\\:/g, ':');
  const call = (route: Route, path: string, authorization?: string) => {
    const pending = http()[route.method](path);
    if (authorization) pending.set('Authorization', authorization);
    return mutates(route) ? pending.send({}) : pending;
  };
  const allows = (route: Route, role: Role) => role === Roles.admin || route.roles.includes(role);

  it('finds the routes of every service', () => {
    const names = routes.map((route) => route.name);
    expect(names).toEqual(
      expect.arrayContaining(['GET /customers/:id', 'GET /auth/jwks', 'POST /users/:id/disable']),
    );
    expect(routes.filter(takesId).length).toBeGreaterThan(10);
  });

  // A new public route is a decision: add it here on purpose (its credential is then in the route itself).
  it('keeps public only health, token issuing, the routes a link in a customer message opens and the SMS gateway callback', () => {
    expect(
      routes
        .filter((route) => route.isPublic)
        .map((route) => route.name)
        .sort(),
    ).toEqual(
      [
        'GET /health/live',
        'GET /health/ready',
        'GET /metrics',
        'GET /.well-known/openid-configuration',
        'GET /auth/jwks',
        'POST /auth/token',
        // The console's sign-in and sign-out (cookie session); both require the CSRF header instead.
        'POST /auth/session',
        'DELETE /auth/session',
        // The survey link in a customer's message; its token is the credential.
        'GET /survey/:token',
        'POST /survey/:token',
        // RFC 8058 one-click unsubscribe from campaign mail (and the page its link in a body opens); the signed token
        // is the credential.
        'GET /unsubscribe/:token',
        'POST /unsubscribe/:token',
        // A campaign mail's open pixel and tracked links, loaded by mail clients; the signed token is the credential
        // and a click token names a link of the campaign's own template, never a URL.
        'GET /t/o/:file',
        'GET /t/c/:token',
        // The SMS gateway's inbound replies (an opt-out withdraws SMS consent); its shared secret header is the
        // credential.
        'POST /sms/replies',
        // The website's tracking script and its beacon (ADR 0044): consent in the body, the configured site origins,
        // size and rate limits; and the site server's login link, whose signature header is the credential.
        'GET /tracking/script.js',
        'POST /tracking/events',
        'POST /tracking/visitors/:visitorId/customer',
      ].sort(),
    );
  });

  it('gives every route that a partner may call with an id a partner scope rule', () => {
    const unscoped = routes
      .filter((route) => takesId(route) && !route.isPublic)
      .filter((route) => PARTNER_ROLES.some((role) => route.roles.includes(role)) && !route.scope)
      .map((route) => route.name);
    expect(unscoped).toEqual([]);
  });

  it('answers every non-public route without a token with 401', async () => {
    const answers: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic))
      answers.push(`${route.name} -> ${(await call(route, pathOf(route))).status}`);
    expect(answers).toEqual(routes.filter((r) => !r.isPublic).map((route) => `${route.name} -> 401`));
  });

  it('refuses every non-public unsafe route called with a session cookie but no CSRF header with 403', async () => {
    const cookie = `${SESSION_COOKIE}=${await tokens.sign({ roles: [Roles.admin] })}`;
    const answers: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic && mutates(r)))
      answers.push(
        `${route.name} -> ${(await http()[route.method](pathOf(route)).set('Cookie', cookie).send({})).status}`,
      );
    expect(answers).toEqual(
      routes.filter((r) => !r.isPublic && mutates(r)).map((route) => `${route.name} -> 403`),
    );
  });

  it('answers every id route with 404 to a partner whose record it is not, 403 where its role is not allowed', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => takesId(r) && !r.isPublic)) {
      const record = recordFor(route);
      for (const caller of CALLERS.filter((c) => c !== record.owner)) {
        const expected = allows(route, roleOf(caller)) ? 404 : 403;
        const { status } = await call(route, pathOf(route, record.id), bearer[caller]);
        if (status !== expected) wrong.push(`${caller} ${route.name}: ${status}, expected ${expected}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets a partner reach its own records on every route its role may call', async () => {
    const wrong: string[] = [];
    const reached: string[] = [];
    for (const route of routes.filter((r) => takesId(r) && !r.isPublic && !mutates(r))) {
      const record = recordFor(route);
      if (!record.owner || !allows(route, roleOf(record.owner))) continue;
      const { status } = await call(route, pathOf(route, record.id), bearer[record.owner]);
      if ([401, 403, 404, 500].includes(status)) wrong.push(`${record.owner} ${route.name}: ${status}`);
      else reached.push(route.name);
    }
    expect(wrong).toEqual([]);
    expect(reached).toEqual(
      expect.arrayContaining([
        'GET /customers/:id',
        'GET /vehicles/:vehicleId',
        'GET /partners/:id',
        'GET /stations/:id',
        'GET /analytics/service/scorecards/:stationId',
        'GET /analytics/sales/dealers/:dealerId/performance',
        'GET /analytics/dealers/:dealerId/customer-value/summary',
        'GET /analytics/dealers/:dealerId/customer-value/customers',
      ]),
    );
  });

  // With the staff-role check below (privacy_officer is a staff role), only officers and admins reach these.
  it('keeps erasure, export parts and the audit trail to privacy officers (and admins)', () => {
    const privacyOnly = routes.filter((route) => route.roles.join() === Roles.privacyOfficer);
    expect(privacyOnly.map((route) => route.name).sort()).toEqual(
      [
        'GET /customers/:id/audit',
        'GET /customers/:id/export',
        'GET /customers/:id/export/csv',
        'GET /privacy/analytics/customers/:id/export',
        'GET /privacy/call-center/customers/:id/export',
        'GET /privacy/campaigns/customers/:id/export',
        'GET /privacy/sales/customers/:id/export',
        'GET /privacy/service/customers/:id/export',
        'GET /privacy/web-tracking/customers/:id/export',
        'POST /customers/:id/erase',
      ].sort(),
    );
  });

  it('gives each staff role exactly the id routes its role allows (403 elsewhere)', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((r) => takesId(r) && !r.isPublic)) {
      for (const role of STAFF_ROLES) {
        // Random ids only: a staff call must not change the fixtures the other checks rely on.
        const { status } = await call(route, pathOf(route), bearer[role]);
        const allowed = allows(route, role);
        if (allowed ? [401, 403, 500].includes(status) : status !== 403)
          wrong.push(`${role} ${route.name}: ${status}, expected ${allowed ? 'reachable' : 403}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives a partner-role token without a partner id 403 on every non-public route', async () => {
    const token = `Bearer ${await tokens.sign({ roles: [Roles.dealer] })}`;
    const wrong: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const { status } = await call(route, pathOf(route), token);
      if (status !== 403) wrong.push(`${route.name}: ${status}`);
    }
    expect(wrong).toEqual([]);
  });
});
