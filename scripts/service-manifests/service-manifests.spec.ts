import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { platformConfigSchema } from '@crm/config';
import { findApiApps } from '../openapi/app-documents';
import { loadServiceManifests, MANIFEST_FILE, ServiceManifest } from './service-manifest';

const ROOT = resolve(__dirname, '../..');
const manifests = loadServiceManifests(ROOT);
const byName = (name: string) => manifests.find((m) => m.name === name) as ServiceManifest;

/** The variables an app's config schema (`<app>ConfigSchema` in its entry) adds to the platform's. */
function ownVariables(app: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const entry = require(`@crm/app-${app}`) as Record<string, unknown>;
  const schema = Object.entries(entry).find(([key]) => key.endsWith('ConfigSchema'))?.[1];
  if (!(schema instanceof z.ZodObject)) return [];
  const platform = new Set(Object.keys(platformConfigSchema.shape));
  return Object.keys(schema.shape).filter((name) => !platform.has(name));
}

describe(`apps/*/${MANIFEST_FILE}`, () => {
  it('describes every app that is deployed alone (all but the embedded default)', () => {
    const deployable = readdirSync(join(ROOT, 'apps')).filter(
      (app) => app !== 'all-in-one' && existsSync(join(ROOT, 'apps', app, 'src', 'main.ts')),
    );
    expect(manifests.map((m) => m.name)).toEqual(deployable.sort());
  });

  it('names exactly one token issuer', () => {
    expect(manifests.filter((m) => m.tokenIssuer)).toHaveLength(1);
  });

  it.each(manifests.map((m) => m.name))('lists every variable %s declares in its config schema', (app) => {
    const listed = byName(app).env.map((variable) => variable.name);
    expect(ownVariables(app).filter((name) => !listed.includes(name))).toEqual([]);
  });

  it('says openapi exactly for the apps whose entry exports an API description and an app module', () => {
    const documented = findApiApps()
      .filter((app) => !app.composite)
      .map((app) => app.name);
    expect(manifests.filter((m) => m.openapi).map((m) => m.name)).toEqual(documented);
  });
});
