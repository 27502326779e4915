import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { KafkaTransport, KafkaUnavailableError } from '@crm/messaging';
import { eventually } from '@crm/testing';

/** A port nothing listens on yet; `open` later forwards it to the real broker, as a broker that came up late. */
async function latePort(): Promise<{ port: number; open(): Promise<Server> }> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  const [host, brokerPort] = (process.env.TEST_KAFKA_BROKERS as string).split(':');
  return {
    port,
    open: async () => {
      const proxy = createServer((client) => {
        const upstream = new Socket();
        upstream.connect(Number(brokerPort), host, () => client.pipe(upstream).pipe(client));
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      });
      await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
      return proxy;
    },
  };
}

describe(`${KafkaTransport.name} connecting`, () => {
  it('retries a failed first connect after a backoff instead of failing for good', async () => {
    const late = await latePort();
    const transport = new KafkaTransport({
      brokers: [`127.0.0.1:${late.port}`],
      clientId: 'late-broker',
      namespace: `t${randomBytes(4).toString('hex')}.`,
      partitions: 1,
      retry: { retries: 1, initialRetryTime: 50 },
      connectBackoff: { initialMs: 300, maxMs: 1_000 },
    });
    const message = { topic: 'crm.late.v1', key: 'k', value: '{}', headers: {} };

    await expect(transport.publish([message])).rejects.toThrow(/ECONNREFUSED|Connection error/);
    // Within the backoff the transport answers at once, without knocking on the port again.
    await expect(transport.publish([message])).rejects.toThrow(KafkaUnavailableError);
    expect(await transport.isHealthy()).toBe(false);

    const proxy = await late.open();
    try {
      await eventually(() => transport.publish([message]), 20_000, 200);
      expect(await transport.isHealthy()).toBe(true);
    } finally {
      await transport.close();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
