import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { WebhookHeaders } from '@crm/app-service';

/** The station's endpoint: accepts every webhook and notes its delivery id per ticket and each request per delivery id. */
export class WebhookCounter {
  url = '';
  requests = 0;
  /** ticket id -> delivery ids received (a Set: the station deduplicates on the delivery id). */
  readonly deliveries = new Map<string, Set<string>>();
  /** delivery id -> requests that arrived with it (a retry repeats the delivery id). */
  readonly requestsPerDelivery = new Map<string, number>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      this.requests++;
      const deliveryId = String(req.headers[WebhookHeaders.id] ?? '');
      this.requestsPerDelivery.set(deliveryId, (this.requestsPerDelivery.get(deliveryId) ?? 0) + 1);
      try {
        const body: { ticket?: { ticketId?: string } } = JSON.parse(Buffer.concat(chunks).toString());
        const ticketId = body.ticket?.ticketId ?? 'unknown';
        this.deliveries.set(ticketId, (this.deliveries.get(ticketId) ?? new Set()).add(deliveryId));
      } catch {
        this.deliveries.set('unreadable', new Set([deliveryId]));
      }
      res.writeHead(204).end();
    });
  });

  static async start(): Promise<WebhookCounter> {
    const counter = new WebhookCounter();
    await new Promise<void>((resolve) => counter.server.listen(0, '127.0.0.1', resolve));
    counter.url = `http://127.0.0.1:${(counter.server.address() as AddressInfo).port}/crm/tickets`;
    return counter;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
