import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { distributedConfigSchema, loadConfig } from '@crm/config';
import { JsonLogger } from '@crm/observability';
import { configureHttpApp } from '@crm/platform';
import { CUSTOMER_MASTER_API, CustomerMasterAppModule } from './customer-master-app.module';

async function main(): Promise<void> {
  const config = loadConfig(distributedConfigSchema);
  const logger = new JsonLogger('customer-master', config.LOG_LEVEL);
  const app = await NestFactory.create(CustomerMasterAppModule.forRoot(config), {
    logger,
    bodyParser: false,
  });
  configureHttpApp(app, CUSTOMER_MASTER_API);
  await app.listen(config.PORT);
  logger.log(`customer-master listening on ${await app.getUrl()} (API docs at /docs)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
