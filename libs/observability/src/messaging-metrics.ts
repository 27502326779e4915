import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { PRIVACY_EVENT_TYPES } from '@crm/contracts';
import { metricsRegistry } from './metrics';

/** What one source (one app's database, one app's consumer groups) reports at scrape time. */
export interface MetricsSource {
  collect(): Promise<void>;
}

const sources = new Set<MetricsSource>();

/** An app registers its sources at start and removes them at shutdown; several apps may share a process (tests). */
export const scrapeSources = {
  add: (source: MetricsSource) => sources.add(source),
  delete: (source: MetricsSource) => sources.delete(source),
};

let collecting: Promise<void> | undefined;

/** Every gauge below asks all sources once per scrape, whichever gauge is serialized first. */
function collectOnce(): Promise<void> {
  collecting ??= Promise.all([...sources].map((source) => source.collect().catch(() => undefined)))
    .then(() => undefined)
    .finally(() => setImmediate(() => (collecting = undefined)));
  return collecting;
}

function scrapedGauge(name: string, help: string, labelNames: string[]): Gauge {
  return new Gauge({
    name,
    help,
    labelNames,
    registers: [metricsRegistry],
    collect: collectOnce,
  });
}

export const outboxBacklog = scrapedGauge(
  'outbox_backlog',
  'Outbox events not yet published (a batch row counts its events, ADR 0063), per service schema',
  ['schema'],
);
export const outboxOldestAge = scrapedGauge(
  'outbox_oldest_unpublished_age_seconds',
  'Age of the oldest unpublished outbox row (0 when none), per service schema',
  ['schema'],
);
export const outboxParked = scrapedGauge(
  'outbox_parked',
  'Outbox rows parked as failed: the broker can never take them and later events of their aggregate wait (alert on > 0)',
  ['schema'],
);
export const deadLetters = scrapedGauge(
  'dead_letters',
  'Messages parked in the dead_letter table (an operator must look at them), per service schema',
  ['schema'],
);
export const privacyDeadLetters = scrapedGauge(
  'dead_letters_privacy',
  'Parked privacy events (customer.erased) not replayed yet: a person is not erased everywhere (alert on > 0)',
  ['schema'],
);
export const consumerLag = scrapedGauge(
  'kafka_consumer_lag',
  'Messages on the broker not yet committed by the consumer group, per group and topic',
  ['group', 'topic'],
);

/** Outbox backlog, its age and dead letters, read by SQL from every schema holding an outbox. */
export class OutboxMetricsSource implements MetricsSource {
  constructor(private readonly dataSource: DataSource) {}

  async collect(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    const schemas: { schema: string }[] = await this.dataSource.query(
      `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox_message'`,
    );
    for (const { schema } of schemas.filter((row) => /^[a-z_][a-z0-9_]*$/.test(row.schema))) {
      const [row]: { backlog: string; age: string | null; parked: string; dead: string; privacy: string }[] =
        await this.dataSource.query(
          `SELECT (SELECT coalesce(sum(coalesce(json_array_length(batch), 1)), 0) FROM "${schema}".outbox_message
                  WHERE published_at IS NULL AND failed_at IS NULL) AS backlog,
                (SELECT extract(epoch FROM now() - min(created_at)) FROM "${schema}".outbox_message
                  WHERE published_at IS NULL AND failed_at IS NULL) AS age,
                (SELECT count(*) FROM "${schema}".outbox_message
                  WHERE published_at IS NULL AND failed_at IS NOT NULL) AS parked,
                (SELECT count(*) FROM "${schema}".dead_letter) AS dead,
                (SELECT count(*) FROM "${schema}".dead_letter
                  WHERE event_type = ANY($1) AND replayed_at IS NULL) AS privacy`,
          [PRIVACY_EVENT_TYPES],
        );
      outboxBacklog.set({ schema }, Number(row.backlog));
      outboxOldestAge.set({ schema }, Number(row.age ?? 0));
      outboxParked.set({ schema }, Number(row.parked));
      deadLetters.set({ schema }, Number(row.dead));
      privacyDeadLetters.set({ schema }, Number(row.privacy));
    }
  }
}
