import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A subscriber endpoint for call-subscriber: answers `status` (after `delayMs`), notes every request and the
 * distinct Idempotency-Keys (what a subscriber deduplicating on the key counts as calls).
 */
export class CallSubscriberReceiver {
  url = '';
  requests = 0;
  readonly keys = new Set<string>();
  readonly bodies: unknown[] = [];
  private readonly server: Server;

  private constructor(
    private readonly status: number,
    private readonly delayMs: number,
  ) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.requests++;
        const key = String(req.headers['idempotency-key'] ?? '');
        const answer = () => {
          if (this.status < 300 && !this.keys.has(key)) {
            this.keys.add(key);
            this.bodies.push(JSON.parse(Buffer.concat(chunks).toString()));
          }
          res.writeHead(this.status).end();
        };
        if (this.delayMs > 0) setTimeout(answer, this.delayMs);
        else answer();
      });
    });
  }

  static async start(options: { status?: number; delayMs?: number } = {}): Promise<CallSubscriberReceiver> {
    const receiver = new CallSubscriberReceiver(options.status ?? 204, options.delayMs ?? 0);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks/crm`;
    return receiver;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
