/** What an openapi-fetch call resolves to. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The typed body of a call that must answer `status`; otherwise fails with the problem it got. */
export async function answered<T>(call: Promise<FetchResult<T>>, status: number): Promise<T> {
  const { data, error, response } = await call;
  if (response.status !== status)
    throw new Error(
      `${response.url}: expected ${status}, got ${response.status} ${JSON.stringify(error ?? data)}`,
    );
  return data as T;
}
