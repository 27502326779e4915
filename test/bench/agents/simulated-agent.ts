import { setTimeout as sleep } from 'node:timers/promises';
import { BenchCustomer } from './agent-data';
import { CallScript, callScript } from './call-script';
import { RequestKind, RequestRecorder } from './request-recorder';

/**
 * Seconds an agent spends between requests, at real call-center pace (a call every 60-120 s);
 * BENCH_AGENT_PACE divides them all, so pace 10 makes each agent ten times as busy.
 */
const THINK_SECONDS = {
  keystrokes: [0.3, 0.8],
  pickFromHits: [1, 3],
  talk: [30, 60],
  writeComplaint: [10, 20],
  wrapUpAndWait: [15, 45],
} as const;
type Think = keyof typeof THINK_SECONDS;

export interface AgentContext {
  identityUrl: string;
  callCenterUrl: string;
  customers: BenchCustomer[];
  recorder: RequestRecorder;
  pace: number;
  random: () => number;
  stopped: AbortSignal;
}

class RequestFailed extends Error {}

/** One agent at the desk: signs in at identity, then takes calls until told to stop. */
export class SimulatedAgent {
  private token = '';

  constructor(
    private readonly username: string,
    private readonly password: string,
    private readonly context: AgentContext,
  ) {}

  /** Resolves with how long identity took to answer the password sign-in. */
  async signIn(): Promise<number> {
    const started = performance.now();
    const response = await fetch(`${this.context.identityUrl}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: this.username, password: this.password }),
    });
    const body = await response.text();
    if (!response.ok) throw new Error(`sign-in of ${this.username}: HTTP ${response.status} ${body}`);
    this.token = (JSON.parse(body) as { access_token: string }).access_token;
    return performance.now() - started;
  }

  /** Calls until stopped; the first wait is a random part of a whole call, so agents do not call in step. */
  async work(): Promise<void> {
    const { random } = this.context;
    try {
      await sleep(random() * this.cycleSeconds() * 1000, undefined, { signal: this.context.stopped });
      while (!this.context.stopped.aborted) await this.takeCall(callScript(this.context.customers, random));
    } catch (error) {
      if (!this.context.stopped.aborted || (error as Error).name !== 'AbortError') throw error;
    }
  }

  private async takeCall(call: CallScript): Promise<void> {
    const id = call.customer.id;
    if (!(await this.lookUp(call))) {
      this.context.recorder.lookupMisses++;
      return this.think('wrapUpAndWait');
    }
    await this.think('pickFromHits');
    const view = await this.request<{ vehicles: { vehicleId: string }[] }>(
      '360',
      'GET',
      `/customers/${id}/360`,
    );
    await this.think('talk');
    const interaction = {
      channel: 'phone',
      direction: 'inbound',
      subject: '咨询保养预约 (asked about booking a service)',
      outcome: 'resolved',
      durationSeconds: 120,
    };
    await this.request('interaction', 'POST', `/customers/${id}/interactions`, interaction);
    if (call.complaint && view?.vehicles[0]) {
      await this.think('writeComplaint');
      const receipt = await this.request<{ ticketId: string }>(
        'complaint',
        'POST',
        `/customers/${id}/complaints`,
        {
          vehicleId: view.vehicles[0].vehicleId,
          description: '刹车时有异响 (noise when braking)',
          qualityType: call.complaint,
          channel: 'phone',
        },
      );
      if (receipt) this.context.recorder.complaintTickets.push(receipt.ticketId);
    }
    await this.think('wrapUpAndWait');
  }

  /** As the agent types; when the name is too common to bring the caller up, asks for their number. */
  private async lookUp(call: CallScript): Promise<boolean> {
    let page: { items: { customerId: string }[] } | null = null;
    for (const [i, text] of call.typed.entries()) {
      if (i > 0) await this.think('keystrokes');
      page = await this.request('lookup', 'GET', `/lookup?q=${encodeURIComponent(text)}`);
    }
    if (page?.items.some((hit) => hit.customerId === call.customer.id)) return true;
    await this.think('keystrokes');
    page = await this.request('lookup', 'GET', `/lookup?q=${encodeURIComponent(call.phoneFallback)}`);
    return !!page?.items.some((hit) => hit.customerId === call.customer.id);
  }

  /** Null when the request failed (recorded; the agent moves on as a real one would). */
  private async request<T>(
    kind: RequestKind,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T | null> {
    const started = performance.now();
    try {
      const response = await fetch(`${this.context.callCenterUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw Object.assign(new RequestFailed(text), { status: response.status });
      this.context.recorder.succeeded(kind, performance.now() - started);
      return JSON.parse(text) as T;
    } catch (error) {
      const status =
        error instanceof RequestFailed ? (error as RequestFailed & { status: number }).status : 0;
      this.context.recorder.failed(kind, status, `${method} ${path}: ${(error as Error).message}`);
      return null;
    }
  }

  private think(what: Think): Promise<void> {
    const [low, high] = THINK_SECONDS[what];
    const seconds = low + this.context.random() * (high - low);
    return sleep((seconds * 1000) / this.context.pace, undefined, { signal: this.context.stopped });
  }

  private cycleSeconds(): number {
    return Object.values(THINK_SECONDS).reduce((sum, [, high]) => sum + high, 0) / this.context.pace;
  }
}
