import { Module } from '@nestjs/common';
import { SlaPolicyModule } from '../sla-policy/sla-policy.module';
import { StationsModule } from '../stations/stations.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ManualStationAssignment } from './manual-station-assignment';
import { NearestStationFinder } from './nearest-station.finder';
import { RouteOnOpenHandler } from './route-on-open.handler';
import { RoutingDecisionRepository } from './routing-decision.repository';
import { StationAssignment } from './station-assignment';
import { StationCandidateRepository } from './station-candidate.repository';
import { TicketDeclineRepository } from './ticket-decline.repository';
import { TicketDetailsController } from './ticket-details.controller';
import { TicketRerouteController } from './ticket-reroute.controller';
import { TicketRerouteService } from './ticket-reroute.service';
import { TicketRoutingService } from './ticket-routing.service';

/** Routing: a ticket opened, reopened or declined goes to the nearest able station, with the reasons kept. */
@Module({
  imports: [TicketsModule, StationsModule, SlaPolicyModule],
  controllers: [TicketDetailsController, TicketRerouteController],
  providers: [
    StationCandidateRepository,
    NearestStationFinder,
    RoutingDecisionRepository,
    TicketDeclineRepository,
    StationAssignment,
    ManualStationAssignment,
    TicketRoutingService,
    TicketRerouteService,
    RouteOnOpenHandler,
  ],
  exports: [TicketRoutingService],
})
export class RoutingModule {}
