import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

/**
 * A real single-node Apache Kafka broker (KRaft, no ZooKeeper) run from the official jars that
 * Maven resolves, for machines without a Docker engine.
 */
const POM_DIR = __dirname;
const JAR_DIR = resolve(__dirname, '../../../.cache/kafka/lib');

export interface BrokerOptions {
  /** A fixed client port, so a restarted broker is found where it was. A free port otherwise. */
  port?: number;
  /** Keeps the broker's data (and its ports) here across restarts; kept on stop. A temp folder otherwise, removed. */
  dataDir?: string;
}

export interface RunningBroker {
  brokers: string;
  port: number;
  dataDir: string;
  pid: number;
  /** Settles when the broker process ends, stopped or not; a temp data folder is gone by then. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export function ensureKafkaJars(): string {
  const resolved = existsSync(JAR_DIR) && readdirSync(JAR_DIR).some((f) => f.startsWith('kafka_2.13'));
  if (!resolved) {
    execFileSync('mvn', ['-q', '-B', 'dependency:copy-dependencies', `-DoutputDirectory=${JAR_DIR}`], {
      cwd: POM_DIR,
      stdio: 'inherit',
    });
  }
  return JAR_DIR;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function serverProperties(dataDir: string, brokerPort: number, controllerPort: number): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${dataDir}/logs`,
    'num.partitions=1',
    'auto.create.topics.enable=false',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'group.min.session.timeout.ms=1000',
    'log.flush.interval.messages=1',
  ].join('\n');
}

function java(classpath: string, args: string[], logDir: string) {
  return ['-Xms256m', '-Xmx512m', `-Dkafka.logs.dir=${logDir}`, '-cp', classpath, ...args];
}

async function waitUntilReady(brokers: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const kafka = new Kafka({ brokers: [brokers], logLevel: logLevel.NOTHING, retry: { retries: 0 } });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Kafka broker exited with code ${child.exitCode}`);
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.describeCluster();
      await admin.disconnect();
      return;
    } catch {
      await admin.disconnect().catch(() => undefined);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  throw new Error(`Kafka broker on ${brokers} not ready after ${timeoutMs} ms`);
}

/** The port a listener had in a previous run's properties, so a restart on the same data keeps its controller. */
function previousPort(propertiesFile: string, listener: string): number | undefined {
  if (!existsSync(propertiesFile)) return undefined;
  const match = new RegExp(`^listeners=.*${listener}://[^:,]+:(\\d+)`, 'm').exec(
    readFileSync(propertiesFile, 'utf8'),
  );
  return match ? Number(match[1]) : undefined;
}

export async function startKafkaBroker(options: BrokerOptions = {}): Promise<RunningBroker> {
  const jars = ensureKafkaJars();
  const classpath = `${jars}/*`;
  const keepData = options.dataDir !== undefined;
  const dataDir = options.dataDir ? resolve(options.dataDir) : mkdtempSync(join(tmpdir(), 'crm-kafka-'));
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const propertiesFile = join(dataDir, 'server.properties');
  const brokerPort = options.port ?? previousPort(propertiesFile, 'PLAINTEXT') ?? (await freePort());
  const controllerPort = previousPort(propertiesFile, 'CONTROLLER') ?? (await freePort());
  const formatted = existsSync(join(dataDir, 'logs', 'meta.properties'));
  writeFileSync(propertiesFile, serverProperties(dataDir, brokerPort, controllerPort));
  writeFileSync(
    join(dataDir, 'log4j.properties'),
    'log4j.rootLogger=WARN, stdout\nlog4j.appender.stdout=org.apache.log4j.ConsoleAppender\nlog4j.appender.stdout.layout=org.apache.log4j.PatternLayout\nlog4j.appender.stdout.layout.ConversionPattern=[kafka] %p %m%n\n',
  );
  const log4j = `-Dlog4j.configuration=file:${join(dataDir, 'log4j.properties')}`;
  if (!formatted) {
    const clusterId = execFileSync('java', [
      log4j,
      ...java(classpath, ['kafka.tools.StorageTool', 'random-uuid'], dataDir),
    ])
      .toString()
      .trim();
    execFileSync('java', [
      log4j,
      ...java(
        classpath,
        ['kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propertiesFile],
        dataDir,
      ),
    ]);
  }
  const child = spawn('java', [log4j, ...java(classpath, ['kafka.Kafka', propertiesFile], dataDir)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const removeTempData = () => {
    if (!keepData) rmSync(dataDir, { recursive: true, force: true });
  };
  // However the broker ends (stopped, crashed, killed), a temp data folder goes with it.
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => {
      removeTempData();
      resolveExit(code);
    }),
  );
  const brokers = `127.0.0.1:${brokerPort}`;
  try {
    await waitUntilReady(brokers, child);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  return {
    brokers,
    port: brokerPort,
    dataDir,
    pid: child.pid ?? 0,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const stopped = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
        if (!stopped) child.kill('SIGKILL');
      }
      await exited;
    },
  };
}

/** Unref'd: a broker that stopped in time must not leave its stop's deadline holding the process open. */
function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms).unref());
}
