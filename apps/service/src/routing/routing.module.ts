import { Module } from '@nestjs/common';
import { ServiceMessaging } from '../service-messaging';
import { SlaPolicyModule } from '../sla-policy/sla-policy.module';
import { StationsModule } from '../stations/stations.module';
import { TicketsModule } from '../tickets/tickets.module';
import { ManualStationAssignment } from './manual-station-assignment';
import { NearestStationFinder } from './nearest-station.finder';
import { RequestedAssignmentConsumer } from './requested-assignment.consumer';
import { RouteOnOpenHandler } from './route-on-open.handler';
import { RoutingDecisionRepository } from './routing-decision.repository';
import { StationAssignment } from './station-assignment';
import { StationCandidateRepository } from './station-candidate.repository';
import { TicketDeclineRepository } from './ticket-decline.repository';
import { TicketDetailsController } from './ticket-details.controller';
import { TicketRerouteController } from './ticket-reroute.controller';
import { TicketRerouteService } from './ticket-reroute.service';
import { TicketRoutingService } from './ticket-routing.service';

/**
 * Routing: a ticket opened, reopened or declined goes to the nearest able station, with the reasons kept; a service
 * manager or a workflow rule may send it to another (ADR 0041, 0043).
 */
@Module({
  imports: [ServiceMessaging, TicketsModule, StationsModule, SlaPolicyModule],
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
    RequestedAssignmentConsumer,
  ],
  exports: [TicketRoutingService],
})
export class RoutingModule {}
