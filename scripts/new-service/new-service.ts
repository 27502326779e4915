import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { serviceNames } from './service-names';
import { serviceSkeleton } from './service-templates';

/**
 * Writes the skeleton of a new service under apps/<name>/ and its nest-cli.json entry; prints the
 * steps left (docs/adding-a-service.md). Usage: npm run new:service <name> [-- --root <repo>].
 */
export function createService(name: string, root: string, now = Date.now()): string[] {
  const names = serviceNames(name);
  const appDir = join(root, 'apps', names.kebab);
  if (existsSync(appDir)) throw new Error(`apps/${names.kebab} already exists`);
  const files = serviceSkeleton(names, now);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(appDir, path)), { recursive: true });
    writeFileSync(join(appDir, path), content);
  }
  addNestCliProject(join(root, 'nest-cli.json'), names.kebab);
  return Object.keys(files).map((path) => `apps/${names.kebab}/${path}`);
}

/** Adds the app after the last application, keeping the file's one-line-per-project layout. */
export function addNestCliProject(file: string, app: string): void {
  const text = readFileSync(file, 'utf8');
  const projects = (JSON.parse(text) as { projects: Record<string, unknown> }).projects;
  if (projects[app]) return;
  const entry = `    "${app}": { "type": "application", "root": "apps/${app}", "entryFile": "main", "sourceRoot": "apps/${app}/src" },\n`;
  const lines = text.split(/(?<=\n)/);
  const lastApplication = lines.map((line) => line.includes('"type": "application"')).lastIndexOf(true);
  if (lastApplication < 0) throw new Error(`${file} lists no application to add ${app} after`);
  lines.splice(lastApplication + 1, 0, entry);
  const updated = lines.join('');
  JSON.parse(updated);
  writeFileSync(file, updated);
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
  const written = createService(name, root);
  formatFiles(root, written);
  console.log(`Wrote ${written.length} files and the nest-cli.json entry:\n  ${written.join('\n  ')}`);
  console.log(`
Next (docs/adding-a-service.md):
  npx jest apps/${name}            its health test on real PostgreSQL, Redis and Kafka
  npm run start:one -- ${name}     run it alone
  then: its events in libs/contracts, its module and migrations in apps/all-in-one,
  its overlay deploy/k8s/services/${name} and its two services and CRM_APPS entry in docker-compose.yml
  (docs/deployment.md, "Adding a service to the deployment"), its variables in deploy/env.example and README.md.`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
