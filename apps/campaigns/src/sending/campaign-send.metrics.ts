import { Counter } from 'prom-client';
import { metricsRegistry } from '@crm/observability';

/** Campaign recipients handled, by channel and outcome (sent, skipped, retrying, failed). */
export const campaignSends = new Counter({
  name: 'campaign_sends_total',
  help: 'Campaign recipients handled by channel and outcome (sent, skipped at send time, retrying, failed)',
  labelNames: ['channel', 'outcome'],
  registers: [metricsRegistry],
});
