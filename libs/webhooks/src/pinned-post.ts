import { LookupAddress } from 'node:dns';
import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { LookupFunction } from 'node:net';

export interface PinnedPost {
  url: URL;
  /** The already checked address the socket must connect to, whatever DNS says by then. */
  address: LookupAddress;
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/**
 * One POST over a socket pinned to a checked address (no second DNS answer can swap in another host),
 * TLS still verified against the URL's host name; redirects are answers, never followed.
 */
export function pinnedPost({ url, address, headers, body, signal }: PinnedPost): Promise<number> {
  const lookup: LookupFunction = (_host, options, callback) =>
    options.all
      ? (callback as (e: null, a: LookupAddress[]) => void)(null, [address])
      : callback(null, address.address, address.family);
  const options: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    lookup,
    agent: false,
    signal,
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, options, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(body);
  });
}
