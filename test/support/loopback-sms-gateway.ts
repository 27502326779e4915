import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedSms {
  headers: IncomingHttpHeaders;
  /** `{to, text}` from notifications, `{to, templateId, params}` from campaigns. */
  body: { to: string; text?: string; templateId?: string; params?: Record<string, string> };
}

/** A local SMS gateway acting as the provider: takes the POSTed message and keeps it with its headers. */
export class LoopbackSmsGateway {
  readonly key = 'sms-test-key';

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly received: ReceivedSms[],
  ) {}

  static async start(): Promise<LoopbackSmsGateway> {
    const received: ReceivedSms[] = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body: JSON.parse(body) });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new LoopbackSmsGateway(server, `http://127.0.0.1:${port}/sms`, received);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
