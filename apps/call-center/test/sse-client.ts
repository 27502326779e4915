import { get, IncomingMessage } from 'node:http';

export interface SseEvent {
  event: string;
  data: unknown;
  id?: string;
}

/** A minimal Server-Sent Events reader, as an agent's browser session would hold open. */
export class SseClient {
  readonly events: SseEvent[] = [];
  private buffer = '';

  private constructor(private readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.read(chunk));
  }

  /** `lastEventId` as a browser's EventSource sends it when it reconnects. */
  static open(url: string, authorization: string, lastEventId?: string): Promise<SseClient> {
    const headers = {
      authorization,
      accept: 'text/event-stream',
      ...(lastEventId && { 'last-event-id': lastEventId }),
    };
    return new Promise((resolve, reject) => {
      const request = get(url, { headers }, (response) => resolve(new SseClient(response)));
      request.on('error', reject);
    });
  }

  close(): void {
    this.response.destroy();
  }

  private read(chunk: string): void {
    this.buffer += chunk;
    const blocks = this.buffer.split('\n\n');
    this.buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const field = (name: string) =>
        block
          .split('\n')
          .find((line) => line.startsWith(`${name}:`))
          ?.slice(name.length + 1)
          .trim();
      const data = field('data');
      if (data !== undefined)
        this.events.push({ event: field('event') ?? 'message', data: JSON.parse(data), id: field('id') });
    }
  }
}
