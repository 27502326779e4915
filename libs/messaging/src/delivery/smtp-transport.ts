import { createTransport, Transporter } from 'nodemailer';
import { SEND_TIMEOUT_MS } from './delivery-backoff';

export interface SmtpTransportOptions {
  /** `smtp://user:pass@host:port` or `smtps://…`. */
  url: string;
  /** Keep this many connections open and reuse them; absent, one connection per message. */
  pooledConnections?: number;
}

/**
 * The one SMTP client setup of the platform: every stage (connect, greeting, a silent socket) gives up after the send
 * timeout, so a delivery dispatcher's lease covers it.
 */
export function createSmtpTransport(options: SmtpTransportOptions): Transporter {
  const timeouts = {
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  };
  if (options.pooledConnections === undefined) return createTransport({ url: options.url, ...timeouts });
  return createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.pooledConnections,
    maxMessages: Infinity,
    ...timeouts,
  });
}
