#!/usr/bin/env node
// `npm run console:build` (always) and `npm start`'s prestart (`--if-stale`): builds apps/console with Vite into
// apps/console/dist, which the all-in-one serves at /console/. The build is not committed, so a fresh clone builds
// it on its first start; afterwards only when a source of it is newer than the build.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const CONSOLE = join(ROOT, 'apps', 'console');
const BUILT = join(CONSOLE, 'dist', 'index.html');
const SOURCES = [
  join(CONSOLE, 'src'),
  join(CONSOLE, 'index.html'),
  join(CONSOLE, 'vite.config.mts'),
  join(ROOT, 'libs', 'api-client', 'src', 'generated'),
  join(ROOT, 'package-lock.json'),
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function stale() {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((source) => newest(source) > built);
}

if (process.argv.includes('--if-stale') && !stale()) process.exit(0);
console.log('building the web console (apps/console) ...');
import('vite')
  .then(({ build }) => build({ configFile: join(CONSOLE, 'vite.config.mts'), logLevel: 'warn' }))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
