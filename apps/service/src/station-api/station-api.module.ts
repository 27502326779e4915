import { Module } from '@nestjs/common';
import { RepairsModule } from '../repairs/repairs.module';
import { RoutingModule } from '../routing/routing.module';
import { StationsModule } from '../stations/stations.module';
import { TicketsModule } from '../tickets/tickets.module';
import { StationResponseService } from './station-response.service';
import { StationTicketController } from './station-ticket.controller';
import { StationWorkService } from './station-work.service';

/** The repair stations' API: accept or decline a ticket, propose an appointment, report progress, resolve. */
@Module({
  imports: [TicketsModule, RoutingModule, RepairsModule, StationsModule],
  controllers: [StationTicketController],
  providers: [StationResponseService, StationWorkService],
  exports: [StationResponseService, StationWorkService],
})
export class StationApiModule {}
