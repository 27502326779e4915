import { Module } from '@nestjs/common';
import { AnalyticsMessaging } from '../analytics-messaging';
import { PostgresProjectionStore } from './postgres-projection-store';
import { ProjectionConsumers } from './projection-consumers';
import { ProjectionStore } from './projection-store';
import { LIVE_TABLES } from './projection-tables';

/** The read models built from other services' events (ticket facts, stations, vehicle models). */
@Module({
  imports: [AnalyticsMessaging],
  providers: [
    { provide: ProjectionStore, useValue: new PostgresProjectionStore(LIVE_TABLES) },
    ProjectionConsumers,
  ],
})
export class ProjectionsModule {}
