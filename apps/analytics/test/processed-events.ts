import { EventEnvelope, topicFor } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { PostgresProjectionStore } from '../src/projections/postgres-projection-store';
import { projectionGroups, registerProjectionHandlers } from '../src/projections/projection-handlers';
import { LIVE_TABLES } from '../src/projections/projection-tables';
import { AnalyticsHarness } from './analytics.harness';

/** The event types some projection applies, read from the real registrations. */
function projectedTypes(): Set<string> {
  const types = new Set<string>();
  const record = (_consumer: string, definition: { type: string }) => types.add(definition.type);
  const recorder = { on: record, onBatch: record, readTogether: () => undefined };
  registerProjectionHandlers(
    recorder as unknown as EventSubscriber,
    new PostgresProjectionStore(LIVE_TABLES),
  );
  return types;
}

const PROJECTED = projectedTypes();

/** The group that applies an event to every projection of it, and records its id (ADR 0062). */
export const projectionGroupOf = (event: EventEnvelope) => `${projectionGroups()}.${topicFor(event)}`;

/** Every event some projection applies has been applied (to all of them, in one transaction). */
export async function expectProcessed(harness: AnalyticsHarness, events: EventEnvelope[]): Promise<void> {
  const rows = await harness.query<{ event_id: string; consumer: string }>(
    `SELECT event_id, consumer FROM analytics.processed_event WHERE event_id = ANY($1)`,
    [events.map((event) => event.id)],
  );
  const done = new Set(rows.map((row) => `${row.event_id} ${row.consumer}`));
  const missing = events
    .filter((event) => PROJECTED.has(event.type) && !done.has(`${event.id} ${projectionGroupOf(event)}`))
    .map((event) => `${event.type} ${event.id}`);
  expect(missing).toEqual([]);
}
