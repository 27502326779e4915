import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createService } from './new-service';
import { serviceNames } from './service-names';

const ROOT = resolve(__dirname, '../..');

describe(createService.name, () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'crm-new-service-'));
    mkdirSync(join(root, 'apps'));
    copyFileSync(join(ROOT, 'nest-cli.json'), join(root, 'nest-cli.json'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the skeleton: module, shared messaging, app module, main, config, entry, migrations, health test', () => {
    const written = createService('loyalty-points', root, 1_800_000_000_000);
    expect(written).toEqual(
      expect.arrayContaining([
        'apps/loyalty-points/src/main.ts',
        'apps/loyalty-points/src/index.ts',
        'apps/loyalty-points/src/loyalty-points.module.ts',
        'apps/loyalty-points/src/loyalty-points-messaging.ts',
        'apps/loyalty-points/src/loyalty-points-app.module.ts',
        'apps/loyalty-points/src/loyalty-points.config.ts',
        'apps/loyalty-points/src/migrations/index.ts',
        'apps/loyalty-points/src/migrations/1800000000000-create-loyalty-points-schema.ts',
        'apps/loyalty-points/test/loyalty-points-health.test.ts',
      ]),
    );
    const main = readFileSync(join(root, 'apps/loyalty-points/src/main.ts'), 'utf8');
    expect(main).toContain('bootstrapService({');
    const migration = readFileSync(
      join(root, 'apps/loyalty-points/src/migrations/1800000000000-create-loyalty-points-schema.ts'),
      'utf8',
    );
    expect(migration).toContain('CREATE SCHEMA loyalty_points');
    expect(migration).toContain('class CreateLoyaltyPointsSchema1800000000000');
  });

  it('adds the app to nest-cli.json among the applications', () => {
    createService('loyalty', root);
    const { projects } = JSON.parse(readFileSync(join(root, 'nest-cli.json'), 'utf8'));
    expect(projects.loyalty).toEqual({
      type: 'application',
      root: 'apps/loyalty',
      entryFile: 'main',
      sourceRoot: 'apps/loyalty/src',
    });
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
