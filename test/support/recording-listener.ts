import { DynamicModule, Injectable, INestApplication, Module, OnModuleInit } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { DataSource } from 'typeorm';
import { CustomerRegistered, EventEnvelope } from '@crm/contracts';
import { PlatformConfig } from '@crm/config';
import { EventSubscriber, allMessagingTablesDdl, MessagingModule } from '@crm/messaging';
import { PlatformModule } from '@crm/platform';

/** A payload name that makes the listener's handler fail, to exercise retries and dead-lettering. */
export const REJECTED_NAME = 'REJECT ME';

class CreateListenerSchema1700000000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE SCHEMA listener`);
    await db.query(`CREATE TABLE listener.received (
      id bigserial PRIMARY KEY, event_id uuid NOT NULL, type text NOT NULL, envelope jsonb NOT NULL)`);
    for (const statement of allMessagingTablesDdl('listener')) await db.query(statement);
  }
  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP SCHEMA listener CASCADE`);
  }
}

@Injectable()
class RecordingHandlers implements OnModuleInit {
  constructor(private readonly subscriber: EventSubscriber) {}

  onModuleInit(): void {
    this.subscriber.on('recorder', CustomerRegistered, async (event, tx) => {
      if (event.payload.name === REJECTED_NAME) throw new Error('the listener rejects this customer');
      await tx.query(`INSERT INTO listener.received (event_id, type, envelope) VALUES ($1, $2, $3)`, [
        event.id,
        event.type,
        JSON.stringify(event),
      ]);
    });
  }
}

@Module({})
class RecordingListenerModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: RecordingListenerModule,
      imports: [
        PlatformModule.forRoot({
          service: 'listener',
          config,
          migrations: [CreateListenerSchema1700000000000],
        }),
        MessagingModule.forService({ service: 'listener', schema: 'listener' }),
      ],
      providers: [RecordingHandlers],
    };
  }
}

/** Another service, as a separate Nest application, that records the customer events it consumes. */
export class RecordingListener {
  private constructor(private readonly app: INestApplication) {}

  static async start(config: PlatformConfig): Promise<RecordingListener> {
    const moduleRef = await Test.createTestingModule({
      imports: [RecordingListenerModule.forRoot(config)],
    }).compile();
    const app = moduleRef.createNestApplication({ logger: ['error'] });
    await app.init();
    return new RecordingListener(app);
  }

  async received(): Promise<EventEnvelope[]> {
    const rows = await this.app.get(DataSource).query(`SELECT envelope FROM listener.received ORDER BY id`);
    return rows.map((row: { envelope: EventEnvelope }) => row.envelope);
  }

  async deadLetters(): Promise<{ consumer: string; topic: string; error: string; attempts: number }[]> {
    return this.app
      .get(DataSource)
      .query(`SELECT consumer, topic, error, attempts FROM listener.dead_letter ORDER BY id`);
  }

  async stop(): Promise<void> {
    await this.app.close();
  }
}
