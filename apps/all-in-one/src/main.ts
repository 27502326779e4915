// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http, pg, ioredis and kafkajs before they load.
import '@crm/tracing';
import { bootstrapService } from '@crm/platform';
import { allInOneConfigSchema } from './all-in-one.config';
import { ALL_IN_ONE_API, AllInOneModule } from './all-in-one.module';
import { DemoSeedService } from './demo-seed/demo-seed.service';

void bootstrapService({
  service: 'all-in-one',
  configSchema: allInOneConfigSchema,
  appModule: (config) => AllInOneModule.forRoot(config),
  api: ALL_IN_ONE_API,
  // Open screen-pop streams must not hold up a graceful shutdown.
  forceCloseConnections: true,
  host: (config) => config.HOST,
  onListening: async ({ app, config }) => {
    const logins = config.DEMO_SEED ? await app.get(DemoSeedService).seedOnce() : [];
    const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
    console.log(`\nCRM is running at ${url}\nAPI docs: ${url}/docs\nData folder: ${config.DATA_DIR}`);
    if (logins.length > 0) {
      console.log('Demo logins (POST /auth/token with grant_type=password):');
      logins.forEach((login) =>
        console.log(`  ${login.username.padEnd(24)} ${login.password.padEnd(20)} ${login.roles}`),
      );
    }
  },
});
