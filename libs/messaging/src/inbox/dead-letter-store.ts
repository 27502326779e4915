import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deadLetterTopicFor, EventEnvelope, isPrivacyEvent } from '@crm/contracts';
import { MessageHeaders } from '../message-headers';
import { MessageTransport, TransportMessage } from '../transport/message-transport';
import { deadLettersParked, eventsSkipped, privacyDeadLettersParked } from './messaging-metrics';
import { ParkReason, safeText } from './received-message';

export interface ParkedMessage {
  /** The consumer group, as the service names it (`crm.<service>.<consumer>` on the broker). */
  consumer: string;
  message: TransportMessage;
  bytes: Buffer | null;
  reason: ParkReason;
  error: string;
  attempts: number;
  event?: Pick<EventEnvelope, 'id' | 'type' | 'version'>;
}

/**
 * Records what a consumer could not apply, whatever its bytes, once per source offset, so the
 * consumer can move past it: the table (exact bytes in bytea) is the record `npm run dlq` works
 * from; the `.dlq` topic gets a copy for tools that watch the broker.
 */
export class DeadLetterStore {
  private readonly logger = new Logger(DeadLetterStore.name);

  constructor(
    private readonly service: string,
    private readonly schema: string,
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
  ) {}

  async park(parked: ParkedMessage): Promise<void> {
    const { consumer, message, bytes, reason } = parked;
    const error = safeText(parked.error, 2_000);
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO ${this.schema}.dead_letter (consumer, topic, message_key, message, raw_value, value_is_null,
         headers, error, reason, attempts, kafka_partition, kafka_offset, event_id, event_type, event_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING RETURNING id`,
      [
        consumer,
        message.topic,
        safeText(message.key, 1_000),
        bytes === null ? null : safeText(bytes.toString('utf8')),
        bytes,
        bytes === null,
        JSON.stringify(safeHeaders(message.headers)),
        error,
        reason,
        parked.attempts,
        message.source?.partition ?? null,
        message.source?.offset ?? null,
        parked.event?.id ?? null,
        parked.event?.type ?? null,
        parked.event?.version ?? null,
      ],
    );
    if (inserted.length === 0) return; // a redelivery of a message parked before
    this.logger.error(`${consumer}: parked a message from ${message.topic} (${reason}): ${error}`);
    deadLettersParked.inc({ service: this.service, consumer, topic: message.topic, reason });
    if (isPrivacyEvent(parked.event?.type)) this.reportPrivacyEvent(parked);
    await this.copyToTopic(parked, error);
  }

  async skip(
    consumer: string,
    message: TransportMessage,
    event: EventEnvelope,
    reason: string,
  ): Promise<void> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO ${this.schema}.skipped_event (consumer, topic, reason, event_id, event_type, event_version,
         producer, kafka_partition, kafka_offset)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING RETURNING id`,
      [
        consumer,
        message.topic,
        reason,
        event.id,
        event.type,
        event.version,
        safeText(event.producer, 200),
        message.source?.partition ?? null,
        message.source?.offset ?? null,
      ],
    );
    if (inserted.length === 0) return;
    this.logger.warn(
      `${consumer}: skipped ${event.type} v${event.version} ${event.id} from ${message.topic} (${reason})`,
    );
    eventsSkipped.inc({ service: this.service, consumer, topic: message.topic, reason });
  }

  private reportPrivacyEvent({ consumer, message, event }: ParkedMessage): void {
    const type = event?.type as string;
    this.logger.error(
      `PRIVACY: ${consumer} parked ${type} ${event?.id}: the person's data stays in ${this.schema} until it is ` +
        `replayed (npm run dlq -- --schema ${this.schema} replay --topic ${message.topic})`,
    );
    privacyDeadLettersParked.inc({ service: this.service, consumer, topic: message.topic, event_type: type });
  }

  /** Best effort: the row above already holds the message, and a value too big for the topic must not stop the consumer. */
  private async copyToTopic(parked: ParkedMessage, error: string): Promise<void> {
    const { message } = parked;
    try {
      await this.transport.publish([
        {
          topic: deadLetterTopicFor(message.topic),
          key: message.key,
          value: parked.bytes,
          headers: {
            ...message.headers,
            [MessageHeaders.deadLetterError]: error,
            [MessageHeaders.deadLetterReason]: parked.reason,
            [MessageHeaders.deadLetterConsumer]: `crm.${this.service}.${parked.consumer}`,
            [MessageHeaders.deadLetterOriginalTopic]: message.topic,
            [MessageHeaders.deadLetterAttempts]: String(parked.attempts),
          },
        },
      ]);
    } catch (publishError) {
      this.logger.warn(
        `${parked.consumer}: parked in ${this.schema}.dead_letter but not copied to ` +
          `${deadLetterTopicFor(message.topic)}: ${(publishError as Error).message}`,
      );
    }
  }
}

function safeHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [safeText(name), safeText(value)]),
  );
}
