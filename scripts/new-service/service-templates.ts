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
    [`src/${n.kebab}.definition.ts`]: `import { ServiceDefinition } from '@crm/platform';
import { ${n.constant}_API, ${n.pascal}AppModule } from './${n.kebab}-app.module';
import { ${n.camel}ConfigSchema } from './${n.kebab}.config';
import { ${n.constant}_SERVICE } from './${n.kebab}.constants';

/** How ${n.kebab} runs on its own: main.ts boots it, and its start-up test starts it the same way. */
export const ${n.camel}Definition: ServiceDefinition<typeof ${n.camel}ConfigSchema> = {
  service: ${n.constant}_SERVICE,
  configSchema: ${n.camel}ConfigSchema,
  appModule: (config) => ${n.pascal}AppModule.forRoot(config),
  api: ${n.constant}_API,
};
`,
    'src/main.ts': `// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http, pg, ioredis and kafkajs before they load.
import '@crm/tracing';
import { bootstrapService } from '@crm/platform';
import { ${n.camel}Definition } from './${n.kebab}.definition';

void bootstrapService(${n.camel}Definition);
`,
    'src/index.ts': `// ${n.kebab}'s one public entry: what the all-in-one and cross-service tests may use.
export { ${n.pascal}Module } from './${n.kebab}.module';
export { ${n.constant}_API, ${n.pascal}AppModule } from './${n.kebab}-app.module';
export { type ${n.pascal}Config, ${n.camel}ConfigSchema } from './${n.kebab}.config';
export { ${n.camel}Definition } from './${n.kebab}.definition';
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
    [`test/${n.kebab}.harness.ts`]: `import { AppHarness, AppHarnessOptions } from '@crm/testing';
import { ${n.constant}_API, ${n.pascal}AppModule } from '../src';

/** ${n.kebab} on real PostgreSQL, Redis and Kafka (the fuzz suite finds it by this file's name). */
export class ${n.pascal}Harness extends AppHarness {
  static async start(options: AppHarnessOptions = {}): Promise<${n.pascal}Harness> {
    const booted = await AppHarness.boot(
      { schema: '${n.schema}', api: ${n.constant}_API, appModule: (config) => ${n.pascal}AppModule.forRoot(config) },
      options,
    );
    return new ${n.pascal}Harness(booted);
  }
}
`,
    [`test/${n.kebab}-health.test.ts`]: `import { describeServiceStartup } from '@crm/testing';
import { ${n.camel}Definition } from '../src';

describeServiceStartup(${n.camel}Definition, '${n.schema}');
`,
  };
}
