import { ServiceNames } from './service-names';

/** The skeleton of apps/<name>/: path relative to the app folder -> content. */
export function serviceSkeleton(n: ServiceNames, migrationTimestamp: number): Record<string, string> {
  const migration = `Create${n.pascal}Schema${migrationTimestamp}`;
  return {
    [`src/${n.kebab}.constants.ts`]: `export const ${n.constant}_SERVICE = '${n.kebab}';
/** The database schema ${n.kebab} owns; no other service reads or writes it. */
export const ${n.constant}_SCHEMA = '${n.schema}';
`,
    [`src/${n.kebab}.config.ts`]: `import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';

/** ${n.kebab}'s own variables (named ${n.constant}_*) on top of the platform ones. */
export const ${n.camel}ConfigSchema = defineServiceConfig({});
export type ${n.pascal}Config = z.infer<typeof ${n.camel}ConfigSchema>;
`,
    [`src/${n.kebab}-messaging.ts`]: `import { MessagingModule } from '@crm/messaging';
import { ${n.constant}_SCHEMA, ${n.constant}_SERVICE } from './${n.kebab}.constants';

/** ${n.kebab}'s outbox, relay and subscriber; one object, so every concept module that imports it shares them. */
export const ${n.pascal}Messaging = MessagingModule.forService({ service: ${n.constant}_SERVICE, schema: ${n.constant}_SCHEMA });
`,
    [`src/${n.kebab}.module.ts`]: `import { Module } from '@nestjs/common';
import { ${n.pascal}Messaging } from './${n.kebab}-messaging';

/**
 * ${n.kebab}'s concepts, one module per folder (controller, service, repository, entities, DTOs, handlers);
 * each concept module imports ${n.pascal}Messaging for the outbox and the subscriber.
 */
@Module({
  imports: [${n.pascal}Messaging],
})
export class ${n.pascal}Module {}
`,
    [`src/${n.kebab}-app.module.ts`]: `import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@crm/platform';
import { ${n.pascal}Config } from './${n.kebab}.config';
import { ${n.constant}_SERVICE } from './${n.kebab}.constants';
import { ${n.pascal}Module } from './${n.kebab}.module';
import { ${n.camel}Migrations } from './migrations';

/** ${n.kebab} deployed alone: its own schema, migrations, transport and cache. */
@Module({})
export class ${n.pascal}AppModule {
  static forRoot(config: ${n.pascal}Config): DynamicModule {
    return {
      module: ${n.pascal}AppModule,
      imports: [
        PlatformModule.forRoot({ service: ${n.constant}_SERVICE, config, migrations: ${n.camel}Migrations }),
        ${n.pascal}Module,
      ],
    };
  }
}

export const ${n.constant}_API = {
  title: 'CRM ${n.kebab}',
  description: 'What ${n.kebab} owns and answers, in a sentence.',
};
`,
    'src/main.ts': `// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http, pg, ioredis and kafkajs before they load.
import '@crm/tracing';
import { bootstrapService } from '@crm/platform';
import { ${n.constant}_API, ${n.pascal}AppModule } from './${n.kebab}-app.module';
import { ${n.camel}ConfigSchema } from './${n.kebab}.config';
import { ${n.constant}_SERVICE } from './${n.kebab}.constants';

void bootstrapService({
  service: ${n.constant}_SERVICE,
  configSchema: ${n.camel}ConfigSchema,
  appModule: (config) => ${n.pascal}AppModule.forRoot(config),
  api: ${n.constant}_API,
});
`,
    'src/index.ts': `// ${n.kebab}'s one public entry: what the all-in-one and cross-service tests may use.
export { ${n.pascal}Module } from './${n.kebab}.module';
export { ${n.constant}_API, ${n.pascal}AppModule } from './${n.kebab}-app.module';
export { type ${n.pascal}Config, ${n.camel}ConfigSchema } from './${n.kebab}.config';
export { ${n.camel}Migrations } from './migrations';
`,
    'src/migrations/index.ts': `import { ${migration} } from './${migrationTimestamp}-create-${n.kebab}-schema';

export const ${n.camel}Migrations = [${migration}];
`,
    [`src/migrations/${migrationTimestamp}-create-${n.kebab}-schema.ts`]: `import { MigrationInterface, QueryRunner } from 'typeorm';
import { allMessagingTablesDdl } from '@crm/messaging';

/** ${n.kebab}'s own schema, with its outbox, processed-event and dead-letter tables. */
export class ${migration} implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(\`CREATE SCHEMA ${n.schema}\`);
    for (const statement of allMessagingTablesDdl('${n.schema}')) await db.query(statement);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(\`DROP SCHEMA ${n.schema} CASCADE\`);
  }
}
`,
    [`test/${n.kebab}.harness.ts`]: `import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configureHttpApp } from '@crm/platform';
import { createTestDatabase, TestDatabase, testPlatformConfig, TestTokenIssuer } from '@crm/testing';
import { ${n.constant}_API, ${n.pascal}AppModule } from '../src';

/**
 * ${n.kebab} on real PostgreSQL, Redis and Kafka, with a token issuer of its own: for its tests, the
 * cross-service journeys and the OpenAPI fuzz suite (which finds it by this file's name).
 */
export class ${n.pascal}Harness {
  private constructor(
    readonly app: INestApplication,
    readonly database: TestDatabase,
    readonly tokens: TestTokenIssuer,
  ) {}

  static async start(options: { kafkaNamespace?: string } = {}): Promise<${n.pascal}Harness> {
    const tokens = await TestTokenIssuer.start();
    const database = await createTestDatabase('${n.schema}');
    const config = testPlatformConfig({
      DATABASE_URL: database.url,
      AUTH_JWKS_URL: tokens.jwksUrl,
      ...(options.kafkaNamespace ? { KAFKA_NAMESPACE: options.kafkaNamespace } : {}),
    });
    const moduleRef = await Test.createTestingModule({ imports: [${n.pascal}AppModule.forRoot(config)] }).compile();
    const app = configureHttpApp(moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] }), ${n.constant}_API);
    await app.listen(0, '127.0.0.1');
    return new ${n.pascal}Harness(app, database, tokens);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.tokens.stop();
    await this.database.drop();
  }
}
`,
    [`test/${n.kebab}-health.test.ts`]: `import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { StartedService, startService } from '@crm/platform';
import { createTestDatabase, TEST_ISSUER, TestDatabase, TestTokenIssuer } from '@crm/testing';
import { ${n.constant}_API, ${n.pascal}AppModule, ${n.pascal}Config, ${n.camel}ConfigSchema } from '../src';

describe('${n.kebab} started as its main.ts starts it', () => {
  let database: TestDatabase;
  let tokens: TestTokenIssuer;
  let started: StartedService<${n.pascal}Config>;

  beforeAll(async () => {
    tokens = await TestTokenIssuer.start();
    database = await createTestDatabase('${n.schema}');
    started = await startService(
      {
        service: '${n.kebab}',
        configSchema: ${n.camel}ConfigSchema,
        appModule: (config) => ${n.pascal}AppModule.forRoot(config),
        api: ${n.constant}_API,
      },
      {
        PORT: '0',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        REDIS_URL: process.env.TEST_REDIS_URL,
        KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS,
        KAFKA_NAMESPACE: \`t\${randomBytes(4).toString('hex')}.\`,
        KAFKA_PARTITIONS: '1',
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_JWKS_URL: tokens.jwksUrl,
      },
    );
  });

  afterAll(async () => {
    await started?.app.close();
    await tokens?.stop();
    await database?.drop();
  });

  it('is live, and ready on its database, Kafka and Redis', async () => {
    const http = request(started.app.getHttpServer());
    await http.get('/health/live').expect(200);
    await http.get('/health/ready').expect(200);
  });

  it('serves its OpenAPI document', async () => {
    const response = await request(started.app.getHttpServer()).get('/docs/openapi.json').expect(200);
    expect(response.body.info.title).toBe(${n.constant}_API.title);
  });
});
`,
  };
}
