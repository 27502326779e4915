import 'reflect-metadata';
import { platformConfigSchema } from '@crm/config';
import { benchServerVariables, serveToParent } from '../../../test/bench/bench-server';
import { CUSTOMER_MASTER_API, CustomerMasterAppModule } from '../src/customer-master-app.module';

/** customer-master for the search and import benchmarks, in a process of its own (see test/bench/bench-process.ts). */
serveToParent(() => [
  CustomerMasterAppModule.forRoot(platformConfigSchema.parse(benchServerVariables())),
  CUSTOMER_MASTER_API,
]);
