import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';

interface Waiter {
  resolve(receivedAt: number): void;
  timer: NodeJS.Timeout;
}

/** Where and when a ticket's webhook arrived. */
export interface Arrival {
  receivedAt: number;
  /** The station whose URL (path) it was sent to. */
  pathStationId: string;
  /** The station the notification itself names. */
  namedStationId: string;
}

const STATION_PATH = /^\/stations\/([^/]+)\/tickets$/;

/**
 * Every repair station's endpoint on one HTTP server, told apart by path (`/stations/<id>/tickets`): checks each
 * webhook's signature with the secret of the station it was sent to and notes when it arrived (performance.now()).
 */
export class StationWebhookReceiver {
  badSignatures = 0;
  /** Webhooks to a path no station registered, or naming another station than the one whose path they reached. */
  misdirected = 0;
  private baseUrl = '';
  private readonly secrets = new Map<string, Webhook>();
  private readonly arrived = new Map<string, Arrival>();
  private readonly waiters = new Map<string, Waiter>();
  private readonly server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const receivedAt = performance.now();
      res.writeHead(204).end();
      this.received(req, Buffer.concat(chunks).toString(), receivedAt);
    });
  });

  static async start(): Promise<StationWebhookReceiver> {
    const receiver = new StationWebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    const { port } = receiver.server.address() as AddressInfo;
    receiver.baseUrl = `http://127.0.0.1:${port}`;
    return receiver;
  }

  /** The URL to register as the station's webhook. */
  urlFor(stationId: string): string {
    return `${this.baseUrl}/stations/${stationId}/tickets`;
  }

  /** The secret the service answered the station's registration with. */
  addStation(stationId: string, secret: string): void {
    this.secrets.set(stationId, new Webhook(secret));
  }

  /** The stations that received at least one webhook. */
  stationsNotified(): Set<string> {
    return new Set([...this.arrived.values()].map((arrival) => arrival.pathStationId));
  }

  arrivalOf(ticketId: string): Arrival | undefined {
    return this.arrived.get(ticketId);
  }

  /** Resolves with the arrival time of the ticket's webhook; rejects after the timeout. */
  arrival(ticketId: string, timeoutMs: number): Promise<number> {
    const early = this.arrived.get(ticketId);
    if (early !== undefined) return Promise.resolve(early.receivedAt);
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

  private received(req: IncomingMessage, body: string, receivedAt: number): void {
    const pathStationId = STATION_PATH.exec(req.url ?? '')?.[1] ?? '';
    const verifier = this.secrets.get(pathStationId);
    try {
      if (!verifier) throw new Error('no station at this path');
      verifier.verify(body, req.headers as Record<string, string>);
    } catch {
      this.badSignatures++;
    }
    const notification: { ticket: { ticketId: string }; station: { stationId: string } } = JSON.parse(body);
    const { ticketId } = notification.ticket;
    const namedStationId = notification.station.stationId;
    if (!verifier || namedStationId !== pathStationId) this.misdirected++;
    this.arrived.set(ticketId, { receivedAt, pathStationId, namedStationId });
    const waiter = this.waiters.get(ticketId);
    if (!waiter) return;
    clearTimeout(waiter.timer);
    this.waiters.delete(ticketId);
    waiter.resolve(receivedAt);
  }
}
