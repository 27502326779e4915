import { Server } from 'node:http';
import { Duplex } from 'node:stream';
import { typeUri } from './problem-details.filter';

interface ClientError extends Error {
  code?: string;
}

const STATUS_BY_CODE: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [413, 'Payload Too Large'],
};

function responseStarted(socket: Duplex): boolean {
  const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  return inFlight?.headersSent === true;
}

/**
 * Requests Node refuses before any route sees them (over-long headers, unparseable request lines)
 * still get a problem+json answer instead of a bare status line.
 */
export function answerClientErrorsWithProblems(server: Server): void {
  server.on('clientError', (error: ClientError, socket: Duplex) => {
    // Mid-response (a pipelined request after one being answered) there is no clean way to answer.
    if (error.code === 'ECONNRESET' || !socket.writable || responseStarted(socket)) {
      socket.destroy();
      return;
    }
    const [status, title] = STATUS_BY_CODE[error.code ?? ''] ?? [400, 'Bad Request'];
    const body = JSON.stringify({
      type: typeUri(status),
      title,
      status,
      detail: status === 431 ? 'The request headers are too large' : 'The request could not be read',
    });
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
