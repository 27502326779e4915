import { OpenAPIObject, OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HTTP_METHODS } from '@crm/platform';
import { answersStream } from '../openapi/api-routes-of';
import { buildApiDocument, findApiApps, ROOT } from '../openapi/app-documents';
import { GATEWAY_CONFIG } from './gateway-config';
import { gatewayRoutes } from './gateway-routes';
import { locationFor, locations, upstreamOf } from './nginx-locations';
import { answeredByNginx, nginxInstalled } from './nginx-under-test';

/*
 * The gateway's committed configurations against the documents the services serve now: every operation of
 * every service must reach that service, so a route added without `npm run api:generate && npm run
 * deploy:generate`, or routed to the wrong service, fails here.
 */

/** A parameter's value that no literal segment equals. */
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '3f1e2d4c-0000-4000-8000-00000000abcd');

describe('the gateway routing (deploy/gateway/nginx.conf, deploy/k8s/gateway/nginx.conf)', () => {
  const documents = new Map<string, OpenAPIObject>();

  beforeAll(async () => {
    for (const app of findApiApps().filter((candidate) => !candidate.composite))
      documents.set(app.name, await buildApiDocument(app));
  }, 300_000);

  describe.each(Object.entries(GATEWAY_CONFIG))('on %s', (_platform, file) => {
    const config = locations(readFileSync(join(ROOT, file), 'utf8'));

    it('sends every operation of every service document to that service, streams unbuffered', () => {
      const wrong: string[] = [];
      let checked = 0;
      for (const [service, document] of documents)
        for (const [path, item] of Object.entries(document.paths)) {
          if (path.startsWith('/health/')) continue;
          const location = locationFor(config, concrete(path));
          const upstream = upstreamOf(location);
          if (upstream !== `crm-${service}`) wrong.push(`${path} (${service}) -> ${upstream ?? 'nowhere'}`);
          const stream = HTTP_METHODS.some(
            (method) => item[method] && answersStream(item[method] as OperationObject),
          );
          if (stream && !location?.body.includes('proxy_buffering off'))
            wrong.push(`${path} (${service}) is a stream but buffered`);
          checked++;
        }
      expect(wrong).toEqual([]);
      expect(checked).toBeGreaterThan(200);
    });

    const itWithNginx = nginxInstalled() ? it : it.skip;
    if (!nginxInstalled()) console.log(`nginx is not installed: ${file} is not run in nginx itself`);

    itWithNginx(
      'routes the same in nginx itself (where installed), with a stub behind every upstream',
      async () => {
        const expected = new Map([
          ['/', '302'],
          ['/console/agent/customers/42', 'crm-console'],
          ['/no-such-service', '404'],
        ]);
        for (const [service, document] of documents)
          for (const path of Object.keys(document.paths).filter(
            (candidate) => !candidate.startsWith('/health/'),
          ))
            expected.set(concrete(path), `crm-${service}`);
        const answered = await answeredByNginx(readFileSync(join(ROOT, file), 'utf8'), [...expected.keys()]);
        const wrong = [...expected].filter(([path, by]) => answered.get(path) !== by);
        expect(wrong.map(([path, by]) => `${path}: ${answered.get(path)}, not ${by}`)).toEqual([]);
      },
      120_000,
    );

    it('serves the console under /console/, sends / there and answers 404 for what no service documents', () => {
      expect(upstreamOf(locationFor(config, '/console/agent/customers/42'))).toBe('crm-console');
      expect(locationFor(config, '/')?.body).toContain('return 302 /console/');
      for (const path of ['/no-such-service', '/health/ready', '/customers/42/no-such-thing'])
        expect({ path, body: locationFor(config, path)?.body }).toEqual({
          path,
          body: expect.stringContaining('return 404'),
        });
    });
  });
});

describe(gatewayRoutes.name, () => {
  it('routes a whole subtree where one service answers all of it, literal segments before parameters', () => {
    const routes = gatewayRoutes({
      master: { paths: ['/customers', '/customers/{id}', '/customers/search'], streams: [] },
      desk: { paths: ['/customers/{id}/360', '/agents/me/events'], streams: ['/agents/me/events'] },
    });
    expect(routes).toEqual([
      { pattern: '^/agents(/|$)', service: 'desk', stream: true },
      { pattern: '^/customers/?$', service: 'master', stream: false },
      { pattern: '^/customers/search(/|$)', service: 'master', stream: false },
      { pattern: '^/customers/[^/]+/?$', service: 'master', stream: false },
      { pattern: '^/customers/[^/]+/360(/|$)', service: 'desk', stream: false },
    ]);
  });

  it('refuses a path two services claim', () => {
    expect(() =>
      gatewayRoutes({
        a: { paths: ['/things/{id}'], streams: [] },
        b: { paths: ['/things/{key}'], streams: [] },
      }),
    ).toThrow('/things/{key} is served by both a and b');
  });
});
