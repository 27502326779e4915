// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http, pg, ioredis and kafkajs before they load.
import '@crm/tracing';
import { bootstrapService } from '@crm/platform';
import { allInOneConfigSchema } from './all-in-one.config';
import { ALL_IN_ONE_API, AllInOneModule } from './all-in-one.module';
import { CONSOLE_PATH, serveConsole } from './console/serve-console';
import { DemoSeedStartup } from './demo-seed/demo-seed.startup';

let consoleServed = false;

void bootstrapService({
  service: 'all-in-one',
  configSchema: allInOneConfigSchema,
  appModule: (config) => AllInOneModule.forRoot(config),
  api: ALL_IN_ONE_API,
  // Open screen-pop streams must not hold up a graceful shutdown.
  forceCloseConnections: true,
  host: (config) => config.HOST,
  configureApp: (app, config) => {
    consoleServed = serveConsole(app, config.CONSOLE_DIR);
  },
  onListening: async ({ app, config }) => {
    const logins = await app.get(DemoSeedStartup).run();
    const url = `http://${config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST}:${config.PORT}`;
    const consoleLine = consoleServed
      ? `Console: ${url}${CONSOLE_PATH}/ (sign in with a demo login below)`
      : `Console: not built (npm run console:build), ${config.CONSOLE_DIR} is missing`;
    console.log(
      `\nCRM is running at ${url}\n${consoleLine}\nAPI docs: ${url}/docs\nData folder: ${config.DATA_DIR}`,
    );
    if (logins.length > 0) {
      console.log('Demo logins (the console, or POST /auth/token with grant_type=password):');
      logins.forEach((login) =>
        console.log(`  ${login.username.padEnd(24)} ${login.password.padEnd(20)} ${login.roles}`),
      );
    }
  },
});
