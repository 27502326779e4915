import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { freePort, startKafkaBroker } from './kafka/kafka-broker';

const ROOT = resolve(__dirname, '../..');

async function produce(brokers: string, topic: string, value: string): Promise<void> {
  const kafka = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1 }] });
  await admin.disconnect();
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic, acks: -1, messages: [{ value }] });
  await producer.disconnect();
}

async function firstValue(brokers: string, topic: string): Promise<string> {
  const kafka = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `reader-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const value = new Promise<string>((resolveValue) => {
    void consumer.run({ eachMessage: async ({ message }) => resolveValue(String(message.value)) });
  });
  try {
    return await value;
  } finally {
    await consumer.disconnect();
  }
}

describe('the local Kafka broker (npm run kafka:start)', () => {
  it('restarts on the same port and data folder with its topics and messages', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-kafka-kept-'));
    const port = await freePort();
    try {
      const first = await startKafkaBroker({ port, dataDir });
      await produce(first.brokers, 'kept.topic', 'before the restart');
      await first.stop();
      expect(existsSync(join(dataDir, 'logs', 'meta.properties'))).toBe(true);

      const second = await startKafkaBroker({ port, dataDir });
      try {
        expect(second.brokers).toBe(`127.0.0.1:${port}`);
        expect(await firstValue(second.brokers, 'kept.topic')).toBe('before the restart');
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('wrapper exits and removes its temp folder when the broker dies', async () => {
    const wrapper = spawn(
      process.execPath,
      [join(ROOT, 'node_modules/ts-node/dist/bin.js'), '--transpile-only', 'test/infra/kafka/run-broker.ts'],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolveExit) => wrapper.once('exit', resolveExit));
    const ready = await new Promise<RegExpExecArray>((resolveReady, reject) => {
      let output = '';
      wrapper.stdout.on('data', (chunk) => {
        output += String(chunk);
        const match = /pid (\d+), data ([^)]+)\)/.exec(output);
        if (match) resolveReady(match);
      });
      void exited.then((code) => reject(new Error(`wrapper exited early (${code}): ${output}`)));
    });
    const [, pid, dataDir] = ready;
    expect(existsSync(dataDir)).toBe(true);

    process.kill(Number(pid), 'SIGKILL');

    expect(await exited).toBe(1);
    expect(existsSync(dataDir)).toBe(false);
  }, 180_000);
});
