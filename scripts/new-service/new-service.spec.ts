import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { deploymentDrift } from '../deploy/generate-deployment';
import { readServiceManifest } from '../service-manifests/service-manifest';
import { createService } from './new-service';
import { serviceNames } from './service-names';

const ROOT = resolve(__dirname, '../..');

/** The repository's files as they are in the working tree (tracked and new, not ignored). */
function repositoryFiles(): string[] {
  const listed = spawnSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  return [...new Set(listed.stdout.split('\0').filter(Boolean))].filter((file) =>
    existsSync(join(ROOT, file)),
  );
}

function copyRepository(files: string[], to: string): void {
  for (const file of files) {
    mkdirSync(dirname(join(to, file)), { recursive: true });
    cpSync(join(ROOT, file), join(to, file));
  }
}

/** Files of `copy` that differ from the repository (or are new, or gone), outside `except`. */
function changedOutside(files: string[], copy: string, except: string): string[] {
  const listed = spawnSync('find', ['.', '-type', 'f'], { cwd: copy, encoding: 'utf8' });
  const now = listed.stdout
    .split('\n')
    .filter(Boolean)
    .map((file) => file.replace(/^\.\//, ''));
  const all = new Set([...files, ...now]);
  return [...all]
    .filter((file) => !file.startsWith(`${except}/`))
    .filter((file) => {
      const before = existsSync(join(ROOT, file)) && files.includes(file);
      const after = existsSync(join(copy, file));
      return (
        before !== after || (after && !readFileSync(join(ROOT, file)).equals(readFileSync(join(copy, file))))
      );
    })
    .sort();
}

/** What the generator reads: the manifests, which apps and libs exist, the files it derives. */
const GENERATOR_INPUTS =
  /^(apps\/[^/]+\/service\.json|apps\/[^/]+\/src\/main\.ts|libs\/[^/]+\/src\/index\.ts|deploy\/.*|docker-compose\.yml|nest-cli\.json)$/;

describe(createService.name, () => {
  const files = repositoryFiles();
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-new-service-'));
    copyRepository(
      files.filter((file) => GENERATOR_INPUTS.test(file)),
      root,
    );
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the skeleton: manifest, module, messaging, app module, definition, main, config, entry, migrations, harness, health test', () => {
    const { written } = createService('loyalty-points', root, 1_800_000_000_000);
    expect(written.sort()).toEqual(
      [
        'apps/loyalty-points/service.json',
        'apps/loyalty-points/src/main.ts',
        'apps/loyalty-points/src/loyalty-points.definition.ts',
        'apps/loyalty-points/src/index.ts',
        'apps/loyalty-points/src/loyalty-points.constants.ts',
        'apps/loyalty-points/src/loyalty-points.module.ts',
        'apps/loyalty-points/src/loyalty-points-messaging.ts',
        'apps/loyalty-points/src/loyalty-points-app.module.ts',
        'apps/loyalty-points/src/loyalty-points.config.ts',
        'apps/loyalty-points/src/migrations/index.ts',
        'apps/loyalty-points/src/migrations/1800000000000-create-loyalty-points-schema.ts',
        'apps/loyalty-points/test/loyalty-points.harness.ts',
        'apps/loyalty-points/test/loyalty-points-health.test.ts',
      ].sort(),
    );
    const migration = readFileSync(
      join(root, 'apps/loyalty-points/src/migrations/1800000000000-create-loyalty-points-schema.ts'),
      'utf8',
    );
    expect(migration).toContain('CREATE SCHEMA loyalty_points');
    expect(migration).toContain('class CreateLoyaltyPointsSchema1800000000000');
    expect(readServiceManifest(root, 'loyalty-points')).toMatchObject({
      name: 'loyalty-points',
      database: { schema: 'loyalty_points' },
      kafka: true,
      openapi: true,
    });
  });

  /*
   * The count docs/adding-a-service.md gives: what a new service changes outside its folder before
   * its own events (libs/contracts) and its line in the all-in-one, all of it derived from its
   * service.json by `npm run deploy:generate`, none of it edited by hand.
   */
  it('in a copy of the whole repository, changes outside apps/<name> only the files derived from its service.json, which are then up to date', () => {
    rmSync(root, { recursive: true, force: true });
    root = mkdtempSync(join(tmpdir(), 'crm-new-service-whole-'));
    copyRepository(files, root);
    const { derived } = createService('loyalty', root, 1_800_000_000_001);
    expect(changedOutside(files, root, 'apps/loyalty')).toEqual([
      'deploy/env.example',
      'deploy/k8s/kustomization.yaml',
      'deploy/k8s/services/loyalty/kustomization.yaml',
      'docker-compose.yml',
      'nest-cli.json',
    ]);
    expect(derived).toEqual(expect.arrayContaining(['deploy/k8s/services/loyalty/kustomization.yaml']));
    expect(deploymentDrift(root)).toEqual({ changed: [], stale: [] });
    const { projects } = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8'));
    expect(projects.loyalty).toEqual({
      type: 'application',
      root: 'apps/loyalty',
      entryFile: 'main',
      sourceRoot: 'apps/loyalty/src',
    });
    expect(readFileSync(join(root, 'docker-compose.yml'), 'utf8')).toContain(
      'dist/deploy/migrate.js", "loyalty"]',
    );
  });

  it('gives the new service the next free host port', () => {
    createService('loyalty-points', root);
    createService('loyalty', root);
    const ports = ['loyalty-points', 'loyalty'].map((app) => readServiceManifest(root, app).port);
    expect(ports[1]).toBe(ports[0] + 1);
  });

  it('refuses an existing app and a name that is not kebab-case', () => {
    createService('loyalty', root);
    expect(() => createService('loyalty', root)).toThrow('apps/loyalty already exists');
    expect(() => createService('Loyalty_Points', root)).toThrow('kebab-case');
    expect(existsSync(join(root, 'apps/Loyalty_Points'))).toBe(false);
  });
});

describe(serviceNames.name, () => {
  it('spells one name for files, classes, constants and the schema', () => {
    expect(serviceNames('loyalty-points')).toEqual({
      kebab: 'loyalty-points',
      pascal: 'LoyaltyPoints',
      camel: 'loyaltyPoints',
      constant: 'LOYALTY_POINTS',
      schema: 'loyalty_points',
    });
  });
});
