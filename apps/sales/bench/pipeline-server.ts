import 'reflect-metadata';
import { benchServerVariables, serveToParent } from '../../../test/bench/bench-server';
import { SALES_API, SalesAppModule } from '../src/sales-app.module';
import { salesConfigSchema } from '../src/sales.config';

/** The sales app for the pipeline benchmark, in a process of its own (see test/bench/bench-process.ts). */
serveToParent(() => [SalesAppModule.forRoot(salesConfigSchema.parse(benchServerVariables())), SALES_API]);
