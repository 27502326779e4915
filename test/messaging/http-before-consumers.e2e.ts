import { Controller, Get, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { Public } from '@crm/auth';
import { CustomerRegistered, SYSTEM_ACTOR, topicFor } from '@crm/contracts';
import {
  allMessagingTablesDdl,
  EventSubscriber,
  KafkaTransport,
  kafkaTransportOptions,
  MessageTransport,
  MessagingModule,
  TransportSubscription,
} from '@crm/messaging';
import { PlatformModule } from '@crm/platform';
import {
  createTestDatabase,
  eventually,
  TestDatabase,
  testPlatformConfig,
  TestTokenIssuer,
} from '@crm/testing';

class CreateGatedSchema1700000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA gated`);
    await db.query(`CREATE TABLE gated.seen (event_id uuid PRIMARY KEY)`);
    for (const statement of allMessagingTablesDdl('gated')) await db.query(statement);
  }
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA gated CASCADE`);
  }
}

/** Real Kafka, but joining a consumer group waits for the test: as after a kill -9, when the broker holds the rejoin. */
class SlowJoiningKafka extends KafkaTransport {
  private open!: () => void;
  readonly gate = new Promise<void>((resolve) => (this.open = resolve));

  letJoin(): void {
    this.open();
  }

  override async subscribe(subscription: TransportSubscription): Promise<void> {
    await this.gate;
    return super.subscribe(subscription);
  }
}

@Controller('ping')
class PingController {
  @Public()
  @Get()
  ping() {
    return { pong: true };
  }
}

@Injectable()
class SeenHandler implements OnModuleInit {
  constructor(private readonly subscriber: EventSubscriber) {}
  onModuleInit(): void {
    this.subscriber.on('seen', CustomerRegistered, async (event, tx) => {
      await tx.query(`INSERT INTO gated.seen (event_id) VALUES ($1)`, [event.id]);
    });
  }
}

describe('a service serves HTTP while its consumer groups join', () => {
  let database: TestDatabase;
  let tokens: TestTokenIssuer;

  afterAll(async () => {
    await tokens?.stop();
    await database?.drop();
  });

  it('answers HTTP before the groups joined, and consumes once they have', async () => {
    database = await createTestDatabase('gated');
    tokens = await TestTokenIssuer.start();
    const config = testPlatformConfig({ DATABASE_URL: database.url, AUTH_JWKS_URL: tokens.jwksUrl });
    const transport = new SlowJoiningKafka(kafkaTransportOptions('gated', config));
    @Module({
      imports: [
        PlatformModule.forRoot({ service: 'gated', config, migrations: [CreateGatedSchema1700000000000] }),
        MessagingModule.forService({ service: 'gated', schema: 'gated' }),
      ],
      controllers: [PingController],
      providers: [SeenHandler],
    })
    class GatedModule {}
    const moduleRef = await Test.createTestingModule({ imports: [GatedModule] })
      .overrideProvider(MessageTransport)
      .useValue(transport)
      .compile();
    const app = moduleRef.createNestApplication({ logger: ['error'] });
    try {
      const initialised = await Promise.race([
        app.init().then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 8_000)),
      ]);
      expect(initialised).toBe(true);
      await request(app.getHttpServer()).get('/ping').expect(200, { pong: true });

      transport.letJoin();
      const envelope = {
        id: randomUUID(),
        type: CustomerRegistered.type,
        version: CustomerRegistered.version,
        occurredAt: new Date().toISOString(),
        producer: 'test',
        aggregateType: CustomerRegistered.aggregateType,
        aggregateId: randomUUID(),
        correlationId: randomUUID(),
        causationId: null,
        actor: SYSTEM_ACTOR,
        payload: {
          customerId: randomUUID(),
          kind: 'person',
          name: '孙八',
          namePinyin: null,
          phones: [],
          emails: [],
          address: null,
          birthday: null,
          gender: null,
          tags: [],
          ownerSalesRepId: null,
          consents: [],
        },
      };
      await transport.publish([
        {
          topic: topicFor(CustomerRegistered),
          key: envelope.aggregateId,
          value: JSON.stringify(envelope),
          headers: {},
        },
      ]);
      await eventually(async () => {
        const rows = await app.get(DataSource).query(`SELECT event_id FROM gated.seen`);
        expect(rows).toEqual([{ event_id: envelope.id }]);
      }, 30_000);
    } finally {
      transport.letJoin();
      await app.close();
    }
  }, 60_000);
});
