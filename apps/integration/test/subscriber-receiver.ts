import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedEvent {
  path: string;
  webhookId: string;
  body: { id: string; type: string; payload: Record<string, unknown> };
  signatureValid: boolean;
}

/** Stands in for the subscribers' systems (an ERP, a dealer's DMS): answers each path as told, verifies signatures. */
export class SubscriberReceiver {
  readonly received: ReceivedEvent[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly statuses = new Map<string, number>();
  private readonly server: Server;
  baseUrl = '';

  private constructor() {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const path = req.url ?? '/';
        const status = this.statuses.get(path) ?? 204;
        if (status < 300) this.record(path, req, raw);
        res.writeHead(status).end();
      });
    });
  }

  static async start(): Promise<SubscriberReceiver> {
    const receiver = new SubscriberReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.baseUrl = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    return receiver;
  }

  expectSecret(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  /** Every request to `path` is answered with `status` (503: the subscriber is down); 2xx ones are recorded. */
  answer(path: string, status: number): void {
    this.statuses.set(path, status);
  }

  for(path: string): ReceivedEvent[] {
    return this.received.filter((event) => event.path === path);
  }

  private record(path: string, req: IncomingMessage, raw: string): void {
    this.received.push({
      path,
      webhookId: String(req.headers['webhook-id']),
      body: JSON.parse(raw),
      signatureValid: this.verifies(path, raw, req),
    });
  }

  /** As a subscriber would: Standard Webhooks signature and timestamp tolerance, with the secret it was shown. */
  private verifies(path: string, raw: string, req: IncomingMessage): boolean {
    const secret = this.secrets.get(path);
    if (!secret) return false;
    try {
      new Webhook(secret).verify(raw, req.headers as Record<string, string>);
      return true;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }
}
