import { mulberry32 } from '../latency-stats';
import { BenchCustomer } from './agent-data';
import { AGENT_PASSWORD, agentUsername } from './agent-world';
import { RequestRecorder } from './request-recorder';
import { SimulatedAgent } from './simulated-agent';

/** Sign-ins at once while the floor grows: a shift starts over minutes, and bcrypt is slow on purpose. */
const SIGN_IN_CONCURRENCY = 4;

export interface FloorOptions {
  identityUrl: string;
  callCenterUrl: string;
  customers: BenchCustomer[];
  recorder: RequestRecorder;
  pace: number;
}

/** The agents at work: grows to each step's head count, each signing in before taking calls. */
export class AgentFloor {
  private readonly stopping = new AbortController();
  private readonly working: Promise<void>[] = [];

  constructor(private readonly options: FloorOptions) {}

  get size(): number {
    return this.working.length;
  }

  /** Signs in agents until `headCount` work; resolves with the sign-in latencies. */
  async growTo(headCount: number): Promise<number[]> {
    const joining = Array.from({ length: Math.max(0, headCount - this.size) }, (_, k) => this.size + k);
    const signIns: number[] = [];
    let next = 0;
    const signInNext = async () => {
      while (next < joining.length) {
        const n = joining[next++];
        const agent = new SimulatedAgent(agentUsername(n), AGENT_PASSWORD, {
          ...this.options,
          random: mulberry32(1000 + n),
          stopped: this.stopping.signal,
        });
        signIns.push(await agent.signIn());
        this.working.push(agent.work());
      }
    };
    await Promise.all(Array.from({ length: SIGN_IN_CONCURRENCY }, signInNext));
    return signIns;
  }

  /** Ends every call at its next pause; a request in flight still completes. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.working);
  }
}
