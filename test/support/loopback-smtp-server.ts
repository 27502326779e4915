import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  to: string[];
  subject: string;
  text: string;
  /** The text/html alternative, when the mail has one. */
  html: string | null;
  headers: Map<string, string>;
  /** When the server accepted it (ms since the epoch), for a benchmark's delivery latencies. */
  receivedAt: number;
  /** The message's size as sent (headers and body), for a benchmark comparing two senders' mails. */
  bytes: number;
}

/** Socket errors that only mean the client went away mid-session. */
const CLIENT_GONE = new Set(['ECONNRESET', 'EPIPE']);

/** A real SMTP server on loopback that keeps every message; stop and start it again on the same port. */
export class LoopbackSmtpServer {
  readonly received: ReceivedEmail[] = [];
  private server?: SMTPServer;

  private constructor(
    readonly port: number,
    private readonly acceptAfterMs: number,
  ) {}

  /** `acceptAfterMs` holds each message that long before accepting it, as a slow server would. */
  static async start(options: { acceptAfterMs?: number } = {}): Promise<LoopbackSmtpServer> {
    const smtp = new LoopbackSmtpServer(await freePort(), options.acceptAfterMs ?? 0);
    await smtp.listen();
    return smtp;
  }

  get url(): string {
    return `smtp://crm:secret@127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      onAuth: (auth, _session, done) =>
        auth.password === 'secret' ? done(null, { user: auth.username }) : done(new Error('bad password')),
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          const email = parseEmail(raw.toString('utf8'), session.envelope.rcptTo);
          setTimeout(() => {
            this.received.push({ ...email, receivedAt: Date.now(), bytes: raw.length });
            done();
          }, this.acceptAfterMs);
        });
      },
    });
    // A client killed mid-session (the crash tests' SIGKILL) resets its socket, or leaves the server writing its
    // reply into a closed one (EPIPE, when the kill lands during DATA): smtp-server reports either as an 'error'
    // event, which must not throw in the test process.
    this.server.on('error', (error: NodeJS.ErrnoException) => {
      if (!CLIENT_GONE.has(error.code ?? '')) throw error;
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Enough MIME for a text/plain part, alone or with a text/html alternative, as nodemailer writes them: folded
 * headers, RFC 2047 words, base64 or QP.
 */
function parseEmail(raw: string, rcptTo: { address: string }[]): Omit<ReceivedEmail, 'receivedAt' | 'bytes'> {
  const { headers, body } = parsePart(raw);
  const boundary = /multipart\/alternative;.*boundary="?([^";]+)"?/i.exec(
    headers.get('content-type') ?? '',
  )?.[1];
  const parts = boundary
    ? body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => parsePart(part.replace(/^\r\n/, '')))
    : [{ headers, body }];
  const ofType = (type: string) =>
    parts.find((part) => (part.headers.get('content-type') ?? 'text/plain').startsWith(type));
  const plain = ofType('text/plain');
  const html = ofType('text/html');
  return {
    to: rcptTo.map((r) => r.address),
    subject: decodeWords(headers.get('subject') ?? ''),
    text: plain ? decodeBody(plain) : '',
    html: html ? decodeBody(html) : null,
    headers,
  };
}

function parsePart(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]+/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

function decodeBody({ headers, body }: { headers: Map<string, string>; body: string }): string {
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body, 'base64').toString('utf8');
  return encoding === 'quoted-printable' ? decodeQuotedPrintable(body) : body;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_word, encoding: string, data: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeQuotedPrintable(value: string): string {
  const soft = value.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
