import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { generateDeployment } from '../deploy/generate-deployment';
import { loadServiceManifests, MANIFEST_FILE } from '../service-manifests/service-manifest';
import { serviceManifest } from './service-manifest-template';
import { serviceNames } from './service-names';
import { serviceSkeleton } from './service-templates';

export interface CreatedService {
  /** The new app's files, apps/<name>/... */
  written: string[];
  /** What `npm run deploy:generate` derived from its service.json outside apps/<name>/. */
  derived: string[];
}

/**
 * Writes the skeleton of a new service under apps/<name>/, its service.json included, and derives
 * its deployment from it (`npm run deploy:generate`); prints the steps left
 * (docs/adding-a-service.md). Usage: npm run new:service <name> [-- --root <repo>].
 */
export function createService(name: string, root: string, now = Date.now()): CreatedService {
  const names = serviceNames(name);
  const appDir = join(root, 'apps', names.kebab);
  if (existsSync(appDir)) throw new Error(`apps/${names.kebab} already exists`);
  const files = {
    ...serviceSkeleton(names, now),
    [MANIFEST_FILE]: serviceManifest(names, loadServiceManifests(root)),
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(appDir, path)), { recursive: true });
    writeFileSync(join(appDir, path), content);
  }
  return {
    written: Object.keys(files).map((path) => `apps/${names.kebab}/${path}`),
    derived: generateDeployment(root),
  };
}

/** The templates' line lengths depend on the name, so the written files go through the repository's prettier. */
function formatFiles(root: string, files: string[]): void {
  const prettier = require.resolve('prettier/bin/prettier.cjs');
  const result = spawnSync(process.execPath, [prettier, '--log-level', 'warn', '--write', ...files], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('prettier could not format the new files');
}

function main(): void {
  const args = process.argv.slice(2);
  const rootFlag = args.indexOf('--root');
  const root = rootFlag >= 0 ? resolve(args[rootFlag + 1]) : resolve(__dirname, '../..');
  const name = args.find((arg, index) => !arg.startsWith('--') && (rootFlag < 0 || index !== rootFlag + 1));
  if (!name) throw new Error('usage: npm run new:service <name>');
  const { written, derived } = createService(name, root);
  formatFiles(
    root,
    written.filter((file) => file.endsWith('.ts')),
  );
  console.log(`Wrote ${written.length} files:\n  ${written.join('\n  ')}`);
  console.log(
    `Derived from apps/${name}/${MANIFEST_FILE} (npm run deploy:generate):\n  ${derived.join('\n  ')}`,
  );
  console.log(`
Next (docs/adding-a-service.md):
  npx jest apps/${name}            its health test on real PostgreSQL, Redis and Kafka
  npm run start:one -- ${name}     run it alone
  npm run api:generate             its typed client in libs/api-client
  then: its description, variables and flags in apps/${name}/${MANIFEST_FILE} (and npm run deploy:generate),
  its events in libs/contracts (npm run docs:events), one line in apps/all-in-one/src/all-in-one.module.ts.`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
