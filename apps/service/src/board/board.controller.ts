import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { Roles as R } from '@crm/contracts';
import { BoardService } from './board.service';
import { BoardQuery, RegionPageQuery, StationMapQuery } from './dto/board.query';
import { BoardPageResponse, BoardTicketAtResponse, StationMapResponse } from './dto/board.response';

/** The service manager's console: the ticket board with its SLA clocks, escalations and the station map. */
@ApiTags('board')
@ApiBearerAuth()
@Controller('board')
@Roles(R.serviceManager, R.agent)
export class BoardController {
  constructor(private readonly board: BoardService) {}

  @Get('tickets')
  @ApiOperation({
    summary: 'Tickets with their station and SLA clocks, newest first (ADR 0041 defines the clocks)',
  })
  @ApiOkResponse({ type: BoardPageResponse })
  tickets(@Query() query: BoardQuery) {
    return this.board.tickets(query);
  }

  @Get('tickets/:id')
  @ApiOperation({
    summary: 'One ticket as the board shows it: customer and station names, SLA clocks read now',
  })
  @ApiOkResponse({ type: BoardTicketAtResponse })
  @ApiNotFoundResponse({ description: 'No such ticket' })
  ticket(@Param('id', UuidPipe) id: string) {
    return this.board.ticket(id);
  }

  @Get('escalations')
  @ApiOperation({ summary: 'Tickets not yet resolved with a breached SLA clock, the longest overdue first' })
  @ApiOkResponse({ type: BoardPageResponse })
  escalations(@Query() query: RegionPageQuery) {
    return this.board.escalations(query.region, query);
  }

  @Get('stations')
  @ApiOperation({
    summary: 'Stations for the map: location, skills, capacity and load, open and breached ticket counts',
  })
  @ApiOkResponse({ type: StationMapResponse })
  stations(@Query() query: StationMapQuery) {
    return this.board.stationMap(query);
  }
}
