import { Body, Controller, Headers, HttpCode, MessageEvent, Post, Sse } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { interval, map, merge, Observable, startWith } from 'rxjs';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { CALL_CENTER_ROLES, TELEPHONY_CLIENT_ROLES } from '../call-center.constants';
import { IncomingCallDto } from './dto/incoming-call.dto';
import { ScreenPop } from './screen-pop';
import { SCREEN_POP_REPLAY_MS, ScreenPopHub } from './screen-pop.hub';
import { TelephonyService } from './telephony.service';
import { ScreenPopResponse } from './dto/screen-pop.response';

const HEARTBEAT_MS = 25_000;

@ApiTags('telephony')
@ApiExtraModels(ScreenPopResponse)
@ApiBearerAuth()
@Controller()
export class TelephonyController {
  constructor(
    private readonly service: TelephonyService,
    private readonly hub: ScreenPopHub,
  ) {}

  @Post('telephony/incoming-call')
  @HttpCode(200)
  @Roles(...TELEPHONY_CLIENT_ROLES)
  @ApiOperation({
    summary: 'Webhook of the phone switch: finds the caller and pops them on the agent’s screen',
    description: 'Called with an agent or admin token until a telephony machine client exists.',
  })
  @ApiOkResponse({ description: 'The pop that was pushed', type: ScreenPopResponse })
  incomingCall(@Body() body: IncomingCallDto): Promise<ScreenPop> {
    return this.service.incomingCall(body);
  }

  @Sse('agents/me/events')
  @Roles(...CALL_CENTER_ROLES)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'A Server-Sent Events stream: `event: ready` (data `{agentId}`), then `event: screen-pop` (data: a ' +
      'ScreenPopResponse as JSON, `id` an event id), and `event: heartbeat` to keep proxies open',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: `The last screen-pop's id a reconnecting stream had (browsers send it): the pops missed since, of the last ${SCREEN_POP_REPLAY_MS / 1000} s, come first`,
  })
  @ApiOperation({
    summary: 'The agent’s event stream (Server-Sent Events): `ready` once connected, then `screen-pop`',
  })
  events(
    @CurrentPrincipal() principal: Principal,
    @Headers('last-event-id') lastEventId?: string,
  ): Observable<MessageEvent> {
    const pops = this.hub.connect(principal.subject, lastEventId).pipe(
      map(({ eventId, pop }): MessageEvent => ({ type: 'screen-pop', id: eventId, data: pop })),
      startWith({ type: 'ready', data: { agentId: principal.subject } }),
    );
    // A heartbeat keeps proxies from closing a quiet stream between calls.
    const heartbeats = interval(HEARTBEAT_MS).pipe(
      map((): MessageEvent => ({ type: 'heartbeat', data: {} })),
    );
    return merge(pops, heartbeats);
  }
}
