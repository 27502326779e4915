import 'reflect-metadata';
import { TEST_ISSUER } from '@crm/testing';
import { serveToParent } from '../../../test/bench/bench-server';
import { SALES_API, SalesAppModule } from '../src/sales-app.module';
import { salesConfigSchema } from '../src/sales.config';

/**
 * The sales app for the pipeline benchmark, in a process of its own so the load generator does
 * not share its event loop. Runs the migrations, then tells the parent its port.
 */
async function main(): Promise<void> {
  const config = salesConfigSchema.parse({
    PORT: '0',
    LOG_LEVEL: 'error',
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    EVENT_TRANSPORT: 'in-process',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_JWKS_URL: process.env.BENCH_JWKS_URL,
  });
  await serveToParent(SalesAppModule.forRoot(config), SALES_API);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
