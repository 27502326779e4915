import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyWebhook } from '@crm/app-service';

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
    const [timestamp, signature] = [req.headers['x-crm-timestamp'], req.headers['x-crm-signature']].map(
      String,
    );
    const signatureValid = verifyWebhook(this.secrets.get(path) ?? '', timestamp, raw, signature);
    this.received.push({ path, body: JSON.parse(raw), signatureValid });
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }
}
