import { databaseRoles, EnvironmentVariable, ServiceManifest } from '../service-manifests/service-manifest';
import { GATEWAY_IMAGE, GATEWAY_PORT } from './gateway-config';
import { comment, yamlScalar } from './text-blocks';

/*
 * docker-compose.yml below its marker: the db-roles step, then per service a one-shot migrate step
 * on its migrator role and the service on its DML-only role, then the volumes.
 */

const MIGRATOR_PASSWORD = '${DB_MIGRATOR_PASSWORD:?set DB_MIGRATOR_PASSWORD in .env}';
const APP_PASSWORD = '${DB_APP_PASSWORD:?set DB_APP_PASSWORD in .env}';

export function composeServices(manifests: ServiceManifest[]): string {
  const issuer = tokenIssuer(manifests);
  const ports = manifests.map((m) => `${m.name} http://localhost:${m.port}`).join(', ');
  return [
    ...comment(`Host ports (OpenAPI at /docs on each): ${ports}.`, '  '),
    '',
    ...dbRoles(manifests),
    ...manifests.flatMap((manifest) => ['', ...migrateStep(manifest), '', ...serviceBlock(manifest, issuer)]),
    '',
    ...consoleBlock(),
    '',
    ...gatewayBlock(manifests),
    '',
    'volumes:',
    '  postgres-data:',
    '  redis-data:',
    '  kafka-data:',
    '',
  ].join('\n');
}

/** The console's static container (deploy/Dockerfile.console), reached only through the gateway. */
function consoleBlock(): string[] {
  return [
    '  console:',
    '    image: crm/console:local',
    '    build:',
    '      context: .',
    '      dockerfile: deploy/Dockerfile.console',
    '    restart: unless-stopped',
    '    healthcheck:',
    '      test: ["CMD", "wget", "-q", "-O", "/dev/null", "http://127.0.0.1:8080/console/"]',
    '      interval: 5s',
    '      timeout: 5s',
    '      retries: 20',
  ];
}

/**
 * The one origin of the console and the API (ADR 0050): nginx with the routing generated from every
 * service's OpenAPI paths (deploy/gateway/nginx.conf); it resolves its upstreams at start, so it starts last.
 */
function gatewayBlock(manifests: ServiceManifest[]): string[] {
  return [
    ...comment(
      `The console and every API path on one origin: http://localhost:${GATEWAY_PORT}/console/ ` +
        '(routing generated from the services’ OpenAPI paths, deploy/gateway/nginx.conf).',
      '  ',
    ),
    '  gateway:',
    `    image: ${GATEWAY_IMAGE}`,
    '    restart: unless-stopped',
    '    volumes:',
    '      - ./deploy/gateway/nginx.conf:/etc/nginx/conf.d/default.conf:ro',
    '    depends_on:',
    ...['console', ...manifests.map((m) => m.name)].flatMap((name) => [
      `      ${name}:`,
      '        condition: service_healthy',
    ]),
    '    ports:',
    `      - "\${CRM_PUBLISH_ADDRESS:-127.0.0.1}:${GATEWAY_PORT}:${GATEWAY_PORT}"`,
  ];
}

function dbRoles(manifests: ServiceManifest[]): string[] {
  return [
    "  # Extensions and each service's two roles (deploy/sql/create-roles.sh); idempotent, so it runs on",
    '  # every `up`, also against a data volume an earlier release created (it then hands the schemas over).',
    '  db-roles:',
    '    image: postgres:15',
    '    restart: "no"',
    '    entrypoint: ["sh", "/crm-sql/create-roles.sh"]',
    '    environment:',
    '      PGHOST: postgres',
    '      PGUSER: crm',
    '      PGDATABASE: crm',
    '      PGPASSWORD: ${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}',
    `      CRM_APPS: ${manifests.map((m) => m.name).join(' ')}`,
    `      DB_MIGRATOR_PASSWORD: ${MIGRATOR_PASSWORD}`,
    `      DB_APP_PASSWORD: ${APP_PASSWORD}`,
    '    volumes:',
    '      - ./deploy/sql:/crm-sql:ro',
    '    depends_on:',
    '      postgres:',
    '        condition: service_healthy',
  ];
}

function migrateStep(m: ServiceManifest): string[] {
  return [
    `  ${m.name}-migrate:`,
    '    <<: *migrate',
    `    image: crm/${m.name}:local`,
    `    build: &${m.name}-build`,
    '      context: .',
    '      dockerfile: deploy/Dockerfile',
    '      args:',
    `        SERVICE: ${m.name}`,
    `    command: ["node", "-r", "./deploy/register-paths.js", "dist/deploy/migrate.js", "${m.name}"]`,
    '    environment:',
    `      DATABASE_URL: postgres://${databaseRoles(m).migrator}:${MIGRATOR_PASSWORD}@postgres:5432/crm`,
  ];
}

function tokenIssuer(manifests: ServiceManifest[]): string {
  const issuers = manifests.filter((m) => m.tokenIssuer).map((m) => m.name);
  if (issuers.length !== 1)
    throw new Error(`exactly one service.json must say tokenIssuer: true, not ${issuers.length}`);
  return issuers[0];
}

function serviceBlock(m: ServiceManifest, issuer: string): string[] {
  const anchors = ['*platform-env', ...(m.redis ? ['*redis-env'] : []), ...(m.kafka ? ['*kafka-env'] : [])];
  return [
    ...comment(m.description, '  '),
    `  ${m.name}:`,
    '    <<: *service',
    `    image: crm/${m.name}:local`,
    `    build: *${m.name}-build`,
    '    environment:',
    `      <<: ${anchors.length === 1 ? anchors[0] : `[${anchors.join(', ')}]`}`,
    `      DATABASE_URL: postgres://${databaseRoles(m).app}:${APP_PASSWORD}@postgres:5432/crm`,
    ...(m.kafka ? [] : ['      # It publishes and consumes no events: no Kafka, no event transport at all.']),
    ...(m.kafka ? [] : ['      EVENT_TRANSPORT: none']),
    ...m.env.flatMap((variable) => environmentEntry(variable)),
    '    depends_on:',
    ...dependencies(m, issuer).flatMap((name) => [
      `      ${name}:`,
      `        condition: ${conditionOf(m, name)}`,
    ]),
    '    ports:',
    `      - "\${CRM_PUBLISH_ADDRESS:-127.0.0.1}:${m.port}:3000"`,
  ];
}

function environmentEntry(variable: EnvironmentVariable): string[] {
  const lines = comment(variable.description, '      ');
  if (variable.required)
    return [...lines, `      ${variable.name}: \${${variable.name}:?set ${variable.name} in .env}`];
  if (variable.compose !== undefined)
    return [...lines, `      ${variable.name}: ${yamlScalar(variable.compose)}`];
  // No value: compose passes the variable on from .env when it is set there and leaves it unset otherwise.
  return [...lines, `      ${variable.name}:`];
}

/**
 * Its migrate step, the infrastructure it uses, and the token issuer whose JWKS verifies its
 * tokens (every service but the issuer itself).
 */
function dependencies(m: ServiceManifest, issuer: string): string[] {
  return [
    `${m.name}-migrate`,
    ...(m.redis ? ['redis'] : []),
    ...(m.kafka ? ['kafka'] : []),
    ...(m.tokenIssuer ? [] : [issuer]),
  ];
}

function conditionOf(m: ServiceManifest, dependency: string): string {
  return dependency === `${m.name}-migrate` ? 'service_completed_successfully' : 'service_healthy';
}
