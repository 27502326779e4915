import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';

interface Waiter {
  resolve(receivedAt: number): void;
  timer: NodeJS.Timeout;
}

/** The repair station's endpoint: notes when each ticket's signed webhook arrives (performance.now()). */
export class StationWebhookReceiver {
  url = '';
  secret = '';
  badSignatures = 0;
  /** Every station notified, to show all complaints went to the one able station. */
  readonly stations = new Set<string>();
  private readonly arrived = new Map<string, number>();
  private readonly waiters = new Map<string, Waiter>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const receivedAt = performance.now();
      res.writeHead(204).end();
      this.received(Buffer.concat(chunks).toString(), req.headers, receivedAt);
    });
  });

  static async start(): Promise<StationWebhookReceiver> {
    const receiver = new StationWebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.server.address() as AddressInfo;
    receiver.url = `http://127.0.0.1:${port}/crm/tickets`;
    return receiver;
  }

  /** Resolves with the arrival time of the ticket's webhook; rejects after the timeout. */
  arrival(ticketId: string, timeoutMs: number): Promise<number> {
    const early = this.arrived.get(ticketId);
    if (early !== undefined) return Promise.resolve(early);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(ticketId);
        reject(new Error(`no webhook for ticket ${ticketId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(ticketId, { resolve, timer });
    });
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private received(body: string, headers: Record<string, string | string[] | undefined>, at: number): void {
    try {
      new Webhook(this.secret).verify(body, headers as Record<string, string>);
    } catch {
      this.badSignatures++;
    }
    const notification: { ticket: { ticketId: string }; station: { stationId: string } } = JSON.parse(body);
    const ticketId = notification.ticket.ticketId;
    this.stations.add(notification.station.stationId);
    this.arrived.set(ticketId, at);
    const waiter = this.waiters.get(ticketId);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(ticketId);
    waiter.resolve(at);
  }
}
