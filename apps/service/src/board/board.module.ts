import { Module } from '@nestjs/common';
import { StationsModule } from '../stations/stations.module';
import { BoardController } from './board.controller';
import { BoardRepository } from './board.repository';
import { BoardService } from './board.service';

/** Read side for the service manager: tickets joined to their stations, with SLA clocks read at one instant. */
@Module({
  imports: [StationsModule],
  controllers: [BoardController],
  providers: [BoardRepository, BoardService],
})
export class BoardModule {}
