import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventSubscriber, KafkaTransport, KafkaTransportOptions } from '@crm/messaging';
import { ANALYTICS_SCHEMA, ANALYTICS_SERVICE } from '../analytics.constants';
import { PostgresProjectionStore } from '../projections/postgres-projection-store';
import { projectionGroups, registerProjectionHandlers } from '../projections/projection-handlers';
import {
  LIVE_TABLES,
  PROJECTION_TABLE_NAMES,
  ProjectionTables,
  projectionTables,
} from '../projections/projection-tables';
import { KafkaOffsets } from './kafka-offsets';
import { OffsetTrackingTransport } from './offset-tracking.transport';

export interface ProjectionRebuildOptions {
  /** A connection allowed to create, rename and drop the schema's tables (the migrator's). */
  dataSource: DataSource;
  kafka: KafkaTransportOptions;
  /** Names the fresh tables, consumer groups and processed ids of this run (lowercase letters, digits). */
  generation: string;
  /** How long one replay may take to catch up before the rebuild gives up (the live tables untouched). */
  catchUpTimeoutMs?: number;
}

export interface RebuildResult {
  generation: string;
  /** Ticket fact rows live after the swap. */
  ticketFacts: number;
}

const OLD = 'old';
const POLL_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Rebuilds the projections from offset zero (ADR 0026): replays every topic into fresh tables under a
 * consumer group of its own until it reaches the ends the brokers reported, swaps the tables in one
 * transaction, then replays again, now into the live tables, up to the ends after the swap. Events the
 * live consumer applied to the old tables meanwhile are so applied again; every projection write merges
 * by rule (earliest, latest, a set of ids), so applying one twice changes nothing.
 */
export class ProjectionRebuild {
  private readonly logger = new Logger(ProjectionRebuild.name);
  private readonly db: DataSource;

  constructor(private readonly options: ProjectionRebuildOptions) {
    // It names tables and consumer groups.
    if (!/^[a-z0-9]{1,20}$/.test(options.generation))
      throw new Error(`not a generation: ${options.generation}`);
    this.db = options.dataSource;
  }

  async run(): Promise<RebuildResult> {
    const suffix = `g${this.options.generation}`;
    const transport = new OffsetTrackingTransport(
      new KafkaTransport({ ...this.options.kafka, clientId: `${ANALYTICS_SERVICE}-rebuild-${suffix}` }),
    );
    const offsets = new KafkaOffsets(this.options.kafka);
    try {
      await this.createFreshTables(suffix);
      // Before the swap a failure leaves the live tables as they were: only the fresh ones go.
      await this.replay(transport, offsets, projectionTables(suffix), suffix).catch(async (error: Error) => {
        await this.dropTables(suffix);
        throw error;
      });
      await this.swap(suffix);
      await this.replay(transport, offsets, LIVE_TABLES, suffix).catch((error: Error) => {
        throw new Error(
          `rebuild ${suffix}: swapped in, but the second pass failed; run it again: ${error.message}`,
        );
      });
      await this.dropTables(OLD);
    } finally {
      await transport.close();
      await this.forget(transport, offsets, suffix);
      await offsets.close();
    }
    return { generation: this.options.generation, ticketFacts: await this.count(LIVE_TABLES.ticketFact) };
  }

  private async createFreshTables(suffix: string): Promise<void> {
    await this.dropTables(suffix);
    await this.dropTables(OLD);
    const fresh = projectionTables(suffix);
    for (const role of Object.keys(LIVE_TABLES) as Array<keyof ProjectionTables>)
      await this.db.query(`CREATE TABLE ${fresh[role]} (LIKE ${LIVE_TABLES[role]} INCLUDING ALL)`);
  }

  /** Applies every event up to the partitions' current ends into `tables`, then stops consuming. */
  private async replay(
    transport: OffsetTrackingTransport,
    offsets: KafkaOffsets,
    tables: ProjectionTables,
    suffix: string,
  ): Promise<void> {
    const subscriber = new EventSubscriber(ANALYTICS_SERVICE, ANALYTICS_SCHEMA, this.db, transport);
    registerProjectionHandlers(subscriber, new PostgresProjectionStore(tables), suffix);
    await subscriber.start();
    const ends = await offsets.ends(transport.subscribedTopics());
    const deadline = Date.now() + (this.options.catchUpTimeoutMs ?? 600_000);
    while (!transport.reached(ends)) {
      if (Date.now() > deadline)
        throw new Error(`rebuild ${suffix}: not caught up with ${JSON.stringify(ends)}`);
      await sleep(POLL_MS);
    }
    await transport.stopConsuming();
    this.logger.log(`rebuild ${suffix}: caught up into ${tables.ticketFact}`);
  }

  /** One transaction: the live consumer's writes wait on the lock, then land in the new tables. */
  private async swap(suffix: string): Promise<void> {
    const names = Object.values(PROJECTION_TABLE_NAMES);
    await this.db.transaction(async (tx) => {
      await tx.query(`LOCK TABLE ${Object.values(LIVE_TABLES).join(', ')} IN ACCESS EXCLUSIVE MODE`);
      for (const name of names) {
        await tx.query(`ALTER TABLE ${ANALYTICS_SCHEMA}.${name} RENAME TO ${name}_${OLD}`);
        await tx.query(`ALTER TABLE ${ANALYTICS_SCHEMA}.${name}_${suffix} RENAME TO ${name}`);
      }
    });
  }

  private async dropTables(suffix: string): Promise<void> {
    for (const table of Object.values(projectionTables(suffix)))
      await this.db.query(`DROP TABLE IF EXISTS ${table}`);
  }

  /** The replay's processed ids and consumer groups are of no use once it has finished (or failed). */
  private async forget(
    transport: OffsetTrackingTransport,
    offsets: KafkaOffsets,
    suffix: string,
  ): Promise<void> {
    await this.db.query(`DELETE FROM ${ANALYTICS_SCHEMA}.processed_event WHERE starts_with(consumer, $1)`, [
      `${projectionGroups(suffix)}.`,
    ]);
    await offsets
      .deleteGroups(transport.subscribedGroups())
      .catch((error: Error) =>
        this.logger.warn(`rebuild ${suffix}: its consumer groups stay behind: ${error.message}`),
      );
  }

  private async count(table: string): Promise<number> {
    const rows: Array<{ count: number }> = await this.db.query(`SELECT count(*)::int AS count FROM ${table}`);
    return rows[0].count;
  }
}
