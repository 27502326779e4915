import { EventEnvelope } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { PostgresProjectionStore } from '../src/projections/postgres-projection-store';
import { registerProjectionHandlers } from '../src/projections/projection-handlers';
import { LIVE_TABLES } from '../src/projections/projection-tables';
import { AnalyticsHarness } from './analytics.harness';

/** Which consumers apply each event type, read from the real registrations (an order: two of them). */
function consumersByType(): Map<string, Set<string>> {
  const byType = new Map<string, Set<string>>();
  const record = (consumer: string, definition: { type: string }) =>
    byType.set(definition.type, (byType.get(definition.type) ?? new Set<string>()).add(consumer));
  const recorder = { on: record, onBatch: record, consumeInBatches: () => undefined };
  registerProjectionHandlers(
    recorder as unknown as EventSubscriber,
    new PostgresProjectionStore(LIVE_TABLES),
  );
  return byType;
}

const CONSUMERS = consumersByType();

/** Every event applied by every analytics consumer of its type (each records its own processed id). */
export async function expectProcessed(harness: AnalyticsHarness, events: EventEnvelope[]): Promise<void> {
  const rows = await harness.query<{ event_id: string; consumer: string }>(
    `SELECT event_id, consumer FROM analytics.processed_event WHERE event_id = ANY($1)`,
    [events.map((event) => event.id)],
  );
  const done = new Set(rows.map((row) => `${row.event_id} ${row.consumer}`));
  const missing = events.flatMap((event) =>
    [...(CONSUMERS.get(event.type) ?? [])]
      .filter((consumer) => !done.has(`${event.id} ${consumer}`))
      .map((consumer) => `${event.type} ${event.id} by ${consumer}`),
  );
  expect(missing).toEqual([]);
}
