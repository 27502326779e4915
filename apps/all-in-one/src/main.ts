import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@crm/config';
import { JsonLogger } from '@crm/observability';
import { configureHttpApp } from '@crm/platform';
import { allInOneConfigSchema } from './all-in-one.config';
import { ALL_IN_ONE_API, AllInOneModule } from './all-in-one.module';
import { DemoSeedService } from './demo-seed/demo-seed.service';

async function main(): Promise<void> {
  const config = loadConfig(allInOneConfigSchema);
  const logger = new JsonLogger('all-in-one', config.LOG_LEVEL);
  const app = await NestFactory.create(AllInOneModule.forRoot(config), {
    logger,
    bodyParser: false,
    // Open screen-pop streams must not hold up a graceful shutdown.
    forceCloseConnections: true,
  });
  configureHttpApp(app, ALL_IN_ONE_API);
  await app.listen(config.PORT, config.HOST);
  const logins = config.DEMO_SEED ? await app.get(DemoSeedService).seedOnce() : [];
  const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
  console.log(`\nCRM is running at ${url}\nAPI docs: ${url}/docs\nData folder: ${config.DATA_DIR}`);
  if (logins.length > 0) {
    console.log('Demo logins (POST /auth/token with grant_type=password):');
    logins.forEach((login) =>
      console.log(`  ${login.username.padEnd(24)} ${login.password.padEnd(20)} ${login.roles}`),
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
