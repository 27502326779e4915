import { createServer, request } from 'node:http';
import { AddressInfo } from 'node:net';
import { describeSendError } from './send-error';

describe(describeSendError.name, () => {
  it('names the system error code of a failed connection', () => {
    const error = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(describeSendError(error)).toBe('ECONNREFUSED');
  });

  it('describes a request aborted by its timeout (a DOMException cause with a numeric code)', async () => {
    const server = createServer((req) => req.resume());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const error = await new Promise<unknown>((resolve) => {
      const req = request(`http://127.0.0.1:${port}/`, { method: 'POST', signal: AbortSignal.timeout(50) });
      req.on('error', resolve);
      req.end('{}');
    });
    server.closeAllConnections();
    server.close();
    expect(describeSendError(error)).toMatch(/timeout/i);
  });

  it('falls back to the message, then to the value itself', () => {
    expect(describeSendError(new Error('HTTP 503'))).toBe('HTTP 503');
    expect(describeSendError('x'.repeat(600))).toHaveLength(500);
  });
});
