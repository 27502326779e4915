import 'reflect-metadata';
import { platformConfigSchema } from '@crm/config';
import { TEST_ISSUER } from '@crm/testing';
import { serveToParent } from '../../../test/bench/bench-server';
import { CUSTOMER_MASTER_API, CustomerMasterAppModule } from '../src/customer-master-app.module';

/**
 * customer-master for the search benchmark, in a process of its own so the load generator does
 * not share its event loop. Runs the migrations, then tells the parent its port.
 */
async function main(): Promise<void> {
  const config = platformConfigSchema.parse({
    PORT: '0',
    LOG_LEVEL: 'error',
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    EVENT_TRANSPORT: 'in-process',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_JWKS_URL: process.env.BENCH_JWKS_URL,
  });
  await serveToParent(CustomerMasterAppModule.forRoot(config), CUSTOMER_MASTER_API);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
