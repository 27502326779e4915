import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../openapi/app-documents';
import { DEFAULT_SERVICE_SETTINGS } from '../../apps/service/src/service-settings';
import { GATEWAY_CONFIG } from './gateway-config';
import { locationFor, locations, upstreamOf } from './nginx-locations';

/*
 * The survey link in the customer's SMS and email must open the console's page /console/survey/<token>
 * (ADR 0048), not the JSON the service answers at /survey/<token>, on every platform's generated default,
 * and that page must be what the platform's gateway serves at that address.
 */

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const TOKEN = 'q7Yk2d0Jx1H5p8ZcVbN3tR6wLmA9sEfG';

const consoleOn = (gatewayConfig: string, link: URL) =>
  upstreamOf(locationFor(locations(read(gatewayConfig)), link.pathname));

describe('the survey link each platform generates', () => {
  it('embedded default: the all-in-one console page', () => {
    const link = new URL(`${DEFAULT_SERVICE_SETTINGS.surveyBaseUrl}${TOKEN}`);
    expect(link.pathname).toBe(`/console/survey/${TOKEN}`);
  });

  it('docker compose and deploy/env.example: the gateway published on port 8080, which sends it to the console', () => {
    const composeDefault = /SURVEY_BASE_URL: \$\{SURVEY_BASE_URL:-([^}]+)\}/.exec(
      read('docker-compose.yml'),
    )?.[1];
    const example = /^# SURVEY_BASE_URL=(\S+)$/m.exec(read('deploy/env.example'))?.[1];
    expect(example).toBe(composeDefault);
    const link = new URL(`${composeDefault}${TOKEN}`);
    expect(link.pathname).toBe(`/console/survey/${TOKEN}`);
    expect(read('docker-compose.yml')).toMatch(new RegExp(`^ {2}gateway:[\\s\\S]*?:${link.port}:8080"`, 'm'));
    expect(consoleOn(GATEWAY_CONFIG.compose, link)).toBe('crm-console');
  });

  it('Kubernetes: the ingress host, whose gateway sends it to the console', () => {
    const value = /^ {2}SURVEY_BASE_URL: (\S+)$/m.exec(read('deploy/k8s/services/service/config.yaml'))?.[1];
    const link = new URL(`${value}${TOKEN}`);
    expect(link.pathname).toBe(`/console/survey/${TOKEN}`);
    expect(read('deploy/k8s/gateway/gateway.yaml')).toContain(`- host: ${link.hostname}`);
    expect(consoleOn(GATEWAY_CONFIG.kubernetes, link)).toBe('crm-console');
  });
});
