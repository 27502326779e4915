import 'reflect-metadata';
import { platformConfigSchema } from '@crm/config';
import { CUSTOMER_MASTER_API, CustomerMasterAppModule } from '@crm/app-customer-master';
import { benchServerVariables, serveToParent } from '../../../test/bench/bench-server';
import { INTEGRATION_API, IntegrationAppModule } from '../src/integration-app.module';
import { integrationConfigSchema } from '../src/integration.config';

/** customer-master or integration for the inbound benchmark, each in a process of its own (test/bench/bench-process.ts). */
serveToParent(() =>
  process.env.BENCH_APP === 'customer-master'
    ? [
        CustomerMasterAppModule.forRoot(platformConfigSchema.parse(benchServerVariables())),
        CUSTOMER_MASTER_API,
      ]
    : [
        IntegrationAppModule.forRoot(
          integrationConfigSchema.parse({
            ...benchServerVariables(),
            INTEGRATION_CUSTOMER_MASTER_URL: process.env.BENCH_CUSTOMER_MASTER_URL,
          }),
        ),
        INTEGRATION_API,
      ],
);
