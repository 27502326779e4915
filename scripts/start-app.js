'use strict';
// Starts one app by name, so a new service needs no script of its own:
//   npm run start:one -- <app>        from the TypeScript sources (ts-node)
//   npm run start:prod:one -- <app>   from the compiled dist/ (after npm run build)
// The app runs in this process, so SIGTERM reaches it directly and Nest drains it cleanly.
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const compiled = args.includes('--compiled');
const name = args.find((arg) => !arg.startsWith('--'));
const apps = readdirSync(path.join(root, 'apps')).filter((app) =>
  existsSync(path.join(root, 'apps', app, 'src', 'main.ts')),
);

if (!name || !apps.includes(name)) {
  console.error(`usage: npm run start${compiled ? ':prod' : ''}:one -- <app>; apps: ${apps.join(', ')}`);
  process.exit(1);
}

// Names the process in traces (libs/tracing) when OTEL_SERVICE_NAME does not.
process.env.OTEL_SERVICE_NAME ??= name;

if (compiled) {
  const main = path.join(root, 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(main)) {
    console.error(`${path.relative(root, main)} is missing: run npm run build first`);
    process.exit(1);
  }
  require(path.join(root, 'deploy', 'register-paths.js'));
  require(main);
} else {
  process.env.TS_NODE_PROJECT ??= path.join(root, 'tsconfig.json');
  require('ts-node').register({ transpileOnly: true, project: process.env.TS_NODE_PROJECT });
  require('tsconfig-paths/register');
  require(path.join(root, 'apps', name, 'src', 'main.ts'));
}
