import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadServiceManifests } from '../service-manifests/service-manifest';
import { readApiRoutes } from './api-routes';
import { composeServices } from './docker-compose';
import { environmentExample } from './env-example';
import { COMPOSE_UPSTREAMS, GATEWAY_CONFIG, gatewayConfig, KUBERNETES_UPSTREAMS } from './gateway-config';
import { kustomizeFiles } from './kustomize';
import { nestCliJson } from './nest-cli';
import { replaceGeneratedPart } from './text-blocks';

/** The folder whose every file is generated: a file there that nobody generates is stale. */
const OVERLAYS = 'deploy/k8s/services';

/**
 * Every file derived from apps/*\/service.json (and the gateway's from deploy/gateway/api-routes.json), by path
 * relative to `root`, as it should read.
 */
export function deploymentFiles(root: string): Record<string, string> {
  const manifests = loadServiceManifests(root);
  const routes = readApiRoutes(root);
  const spliced = (file: string, indent: string, generated: string) =>
    replaceGeneratedPart(file, readFileSync(join(root, file), 'utf8'), indent, generated);
  return {
    'docker-compose.yml': spliced('docker-compose.yml', '  ', composeServices(manifests)),
    'deploy/env.example': spliced('deploy/env.example', '', environmentExample(manifests)),
    'nest-cli.json': nestCliJson(root),
    ...kustomizeFiles(manifests),
    [GATEWAY_CONFIG.compose]: gatewayConfig(routes, COMPOSE_UPSTREAMS),
    [GATEWAY_CONFIG.kubernetes]: gatewayConfig(routes, KUBERNETES_UPSTREAMS),
  };
}

function filesUnder(root: string, folder: string): string[] {
  if (!existsSync(join(root, folder))) return [];
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

export interface DeploymentDrift {
  /** Generated files whose committed text differs, or that are missing. */
  changed: string[];
  /** Files in the generated overlay folders that no manifest produces any more. */
  stale: string[];
}

function driftOf(root: string, files: Record<string, string>): DeploymentDrift {
  const changed = Object.entries(files)
    .filter(
      ([file, text]) => !existsSync(join(root, file)) || readFileSync(join(root, file), 'utf8') !== text,
    )
    .map(([file]) => file);
  const stale = filesUnder(root, OVERLAYS).filter((file) => !(file in files));
  return { changed: changed.sort(), stale: stale.sort() };
}

export function deploymentDrift(root: string): DeploymentDrift {
  return driftOf(root, deploymentFiles(root));
}

/** Writes every derived file and removes stale overlay files (and emptied folders); returns what it changed. */
export function generateDeployment(root: string): string[] {
  const files = deploymentFiles(root);
  const { changed, stale } = driftOf(root, files);
  for (const file of changed) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), files[file]);
  }
  for (const file of stale) rmSync(join(root, file));
  for (const folder of readdirSync(join(root, OVERLAYS)))
    if (readdirSync(join(root, OVERLAYS, folder)).length === 0)
      rmSync(join(root, OVERLAYS, folder), { recursive: true });
  return [...changed, ...stale].sort();
}

/**
 * `npm run deploy:generate`: rewrites docker-compose.yml (below its marker), deploy/env.example
 * (below its marker), nest-cli.json and deploy/k8s from the apps' service.json, and the gateway's routing
 * (deploy/gateway/nginx.conf, deploy/k8s/gateway/nginx.conf) from deploy/gateway/api-routes.json. With `--check` it
 * writes nothing and exits 1 naming what differs.
 */
function main(args: string[]): void {
  const root = resolve(__dirname, '../..');
  if (args.includes('--check')) {
    const { changed, stale } = deploymentDrift(root);
    if (changed.length + stale.length === 0) return;
    console.error(`out of date (run npm run deploy:generate): ${[...changed, ...stale].join(', ')}`);
    process.exit(1);
  }
  const written = generateDeployment(root);
  console.log(written.length > 0 ? `wrote ${written.join(', ')}` : 'everything is up to date');
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
