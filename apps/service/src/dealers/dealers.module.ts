import { Module } from '@nestjs/common';
import { StationsModule } from '../stations/stations.module';
import { TicketsModule } from '../tickets/tickets.module';
import { DealerTicketController } from './dealer-ticket.controller';

/** What a dealer sees: tickets about the vehicles it sold. */
@Module({ imports: [TicketsModule, StationsModule], controllers: [DealerTicketController] })
export class DealersModule {}
