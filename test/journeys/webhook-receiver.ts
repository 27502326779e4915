import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  path: string;
  body: { ticket: { ticketId: string }; station: { stationId: string } };
  signatureValid: boolean;
}

/** Stands in for the repair stations' own systems: records every signed notification by path. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly server: Server;
  baseUrl = '';

  private constructor() {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        this.record(req, raw);
        res.writeHead(204).end();
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    receiver.baseUrl = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}`;
    return receiver;
  }

  expectSecret(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  for(path: string): ReceivedWebhook[] {
    return this.received.filter((webhook) => webhook.path === path);
  }

  private record(req: IncomingMessage, raw: string): void {
    const path = req.url ?? '/';
    this.received.push({ path, body: JSON.parse(raw), signatureValid: this.verifies(path, raw, req) });
  }

  /** As a station would: Standard Webhooks signature and timestamp tolerance, with the secret it was given. */
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
