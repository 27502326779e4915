import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { distributedConfigSchema, loadConfig } from '@crm/config';
import { JsonLogger } from '@crm/observability';
import { configureHttpApp } from '@crm/platform';
import { CALL_CENTER_SERVICE } from './call-center.constants';
import { CALL_CENTER_API, CallCenterAppModule } from './call-center-app.module';

async function main(): Promise<void> {
  const config = loadConfig(distributedConfigSchema);
  const logger = new JsonLogger(CALL_CENTER_SERVICE, config.LOG_LEVEL);
  const app = await NestFactory.create(CallCenterAppModule.forRoot(config), {
    logger,
    bodyParser: false,
    // Open screen-pop streams must not hold up a graceful shutdown.
    forceCloseConnections: true,
  });
  configureHttpApp(app, CALL_CENTER_API);
  await app.listen(config.PORT);
  logger.log(`call-center listening on ${await app.getUrl()} (API docs at /docs)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
