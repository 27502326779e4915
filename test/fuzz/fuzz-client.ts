import { Agent, request } from 'node:http';

export interface FuzzRequest {
  /** What the case tries, e.g. `wrong type: body.name`. */
  label: string;
  method: string;
  /** Sent as is: already percent-encoded where a case wants it to be. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** The statuses the case may get, when that is specific (401, 415, 431). */
  expect?: number[];
}

export interface FuzzResponse {
  status: number;
  contentType: string;
  body: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });
const TIMEOUT_MS = 15_000;

/** A raw HTTP request, so that cases can send what no well-behaved client would (bad encodings, huge headers). */
export async function send(baseUrl: string, fuzz: FuzzRequest): Promise<FuzzResponse> {
  try {
    return await sendOnce(baseUrl, fuzz);
  } catch (error) {
    // The server closed an idle kept-alive socket just as the request went out on it (Node's http docs,
    // `request.reusedSocket`): the server never read it, so it is sent again on a new socket.
    if (!(error instanceof ReusedSocketReset)) throw error;
    return sendOnce(baseUrl, fuzz);
  }
}

class ReusedSocketReset extends Error {}

function sendOnce(baseUrl: string, fuzz: FuzzRequest): Promise<FuzzResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...fuzz.headers };
    if (fuzz.body !== undefined) headers['content-length'] = Buffer.byteLength(fuzz.body);
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: fuzz.method,
        path: fuzz.path,
        headers,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.on('error', (error: NodeJS.ErrnoException) =>
      reject(req.reusedSocket && error.code === 'ECONNRESET' ? new ReusedSocketReset(error.message) : error),
    );
    req.end(fuzz.body);
  });
}

/** Why a response breaks the rules, or null when it keeps them. */
export function judge(fuzz: FuzzRequest, response: FuzzResponse): string | null {
  if (response.status >= 500) return `answered ${response.status}`;
  if (fuzz.expect && !fuzz.expect.includes(response.status))
    return `answered ${response.status}, expected ${fuzz.expect.join(' or ')}`;
  if (response.status < 400) return null;
  if (!response.contentType.startsWith('application/problem+json'))
    return `answered ${response.status} as ${response.contentType || 'no content type'}, not problem+json`;
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(response.body);
  } catch {
    return `answered ${response.status} with a body that is not JSON`;
  }
  if (typeof problem.type !== 'string' || typeof problem.title !== 'string')
    return `answered ${response.status} without type and title`;
  if (problem.status !== response.status) return `problem status ${problem.status} ≠ ${response.status}`;
  return null;
}

export function closeClient(): void {
  agent.destroy();
}
