import 'reflect-metadata';
import { benchServerVariables, serveToParent } from '../../../test/bench/bench-server';
import { CAMPAIGNS_API, CampaignsAppModule } from '../src/campaigns-app.module';
import { campaignsConfigSchema } from '../src/campaigns.config';

/** The campaigns app for its benchmark, in a process of its own, sending to the SMTP sink the parent runs. */
serveToParent(() => [
  CampaignsAppModule.forRoot(
    campaignsConfigSchema.parse({
      ...benchServerVariables(),
      CAMPAIGNS_SMTP_URL: process.env.BENCH_SMTP_URL,
      CAMPAIGNS_SMTP_CONNECTIONS: process.env.BENCH_SMTP_CONNECTIONS,
      // The pace is the operator's limit, not the pipeline's: set above what the sink takes.
      CAMPAIGNS_EMAIL_RATE_PER_SECOND: '10000',
      CAMPAIGNS_SEND_POLL_INTERVAL_MS: '100',
      CAMPAIGNS_UNSUBSCRIBE_SECRET: process.env.BENCH_UNSUBSCRIBE_SECRET,
    }),
  ),
  CAMPAIGNS_API,
]);
