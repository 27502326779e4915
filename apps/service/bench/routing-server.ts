import 'reflect-metadata';
import { benchServerVariables, serveToParent } from '../../../test/bench/bench-server';
import { SERVICE_API, ServiceAppModule } from '../src/service-app.module';
import { serviceConfigSchema, serviceSettingsFrom } from '../src/service-settings';

/** The service app for the routing benchmark, in a process of its own (see test/bench/bench-process.ts). */
serveToParent(() => {
  const config = serviceConfigSchema.parse({
    ...benchServerVariables(),
    REDIS_URL: process.env.BENCH_REDIS_URL,
  });
  return [ServiceAppModule.forRoot(config, serviceSettingsFrom(config)), SERVICE_API];
});
