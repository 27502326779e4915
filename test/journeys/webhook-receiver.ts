import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { verifyWebhook } from '../../apps/service/src/webhooks/webhook-signature';

export interface ReceivedWebhook {
  path: string;
  body: { ticket: { ticketId: string }; station: { stationId: string } };
  signatureValid: boolean;
}

/** Stands in for the repair stations' own systems: records every signed notification by path. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  private readonly secrets = new Map<string, string>();

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver | undefined;
    const server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        receiver?.record(
          req.url ?? '/',
          raw,
          String(req.headers['x-crm-timestamp']),
          String(req.headers['x-crm-signature']),
        );
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}`);
    return receiver;
  }

  expectSecret(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  for(path: string): ReceivedWebhook[] {
    return this.received.filter((webhook) => webhook.path === path);
  }

  private record(path: string, raw: string, timestamp: string, signature: string): void {
    const secret = this.secrets.get(path) ?? '';
    this.received.push({
      path,
      body: JSON.parse(raw),
      signatureValid: verifyWebhook(secret, timestamp, raw, signature),
    });
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server.close(resolve));
  }
}
