import { Module } from '@nestjs/common';
import { SatisfactionModule } from '../satisfaction/satisfaction.module';
import { StationApiModule } from '../station-api/station-api.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ServiceDemoSeeder } from './service-demo.seeder';

/** Past tickets for the embedded default's demo seed. */
@Module({
  imports: [TicketsModule, StationApiModule, SatisfactionModule],
  providers: [ServiceDemoSeeder],
  exports: [ServiceDemoSeeder],
})
export class ServiceDemoModule {}
