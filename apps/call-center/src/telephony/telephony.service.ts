import { Injectable } from '@nestjs/common';
import { LookupService } from '../lookup/lookup.service';
import { IncomingCallDto } from './dto/incoming-call.dto';
import { CallerMatch, ScreenPop } from './screen-pop';
import { ScreenPopBus } from './screen-pop.bus';

const MAX_CANDIDATES = 5;

/** Finds who is calling and pops their record on the agent's screen. */
@Injectable()
export class TelephonyService {
  constructor(
    private readonly lookup: LookupService,
    private readonly bus: ScreenPopBus,
  ) {}

  async incomingCall(call: IncomingCallDto): Promise<ScreenPop> {
    const hits = await this.lookup.byPhone(call.callerNumber, MAX_CANDIDATES);
    const pop: ScreenPop = {
      callId: call.callId,
      callerNumber: call.callerNumber,
      calledLine: call.calledLine,
      match: toMatch(hits),
    };
    await this.bus.publish(call.agentId ?? null, pop);
    return pop;
  }
}

function toMatch(hits: Awaited<ReturnType<LookupService['byPhone']>>): CallerMatch {
  if (hits.length === 0) return { kind: 'none' };
  if (hits.length === 1) return { kind: 'customer', customer: hits[0] };
  return { kind: 'candidates', candidates: hits };
}
