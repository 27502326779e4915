import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { distributedConfigSchema, loadConfig } from '@crm/config';
import { JsonLogger } from '@crm/observability';
import { configureHttpApp } from '@crm/platform';
import { SERVICE_API, ServiceAppModule } from './service-app.module';
import { serviceConfigSchema, serviceSettingsFrom } from './service-settings';

async function main(): Promise<void> {
  // The platform's rules for a distributed start first, then the service's own variables.
  loadConfig(distributedConfigSchema);
  const config = loadConfig(serviceConfigSchema);
  const logger = new JsonLogger('service', config.LOG_LEVEL);
  const app = await NestFactory.create(ServiceAppModule.forRoot(config, serviceSettingsFrom(config)), {
    logger,
    bodyParser: false,
  });
  configureHttpApp(app, SERVICE_API);
  await app.listen(config.PORT);
  logger.log(`service listening on ${await app.getUrl()} (API docs at /docs)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
