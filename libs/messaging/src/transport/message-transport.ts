/** A message as it travels on the wire; the transport knows nothing of envelopes or handlers. */
export interface TransportMessage {
  topic: string;
  key: string;
  /** A string is sent as UTF-8; a Buffer byte for byte (dead letters keep what arrived); null is a tombstone. */
  value: string | Buffer | null;
  headers: Record<string, string>;
  /** Where a consumed message came from; set by transports that have partitions and offsets. */
  source?: { partition: number; offset: string };
}

export interface TransportSubscription {
  groupId: string;
  topics: string[];
  /** Resolves once the message is fully handled; the transport then moves past it. */
  handle(message: TransportMessage): Promise<void>;
  /**
   * Optional (ADR 0045): consecutive messages of one partition, at most `maxBatchSize`, in offset order. Resolves
   * once every one of them is fully handled; only then does the transport move past (and commit) the last one.
   * A transport without partitions (in-process) ignores it and calls `handle`, which must do the same work.
   */
  handleBatch?(messages: TransportMessage[]): Promise<void>;
  maxBatchSize?: number;
}

/**
 * The one seam between the platform and a message broker. Kafka in production, in-process for
 * the embedded default and unit tests; handlers never know which one carries their events.
 */
export abstract class MessageTransport {
  abstract readonly name: string;
  abstract ensureTopics(topics: string[]): Promise<void>;
  abstract publish(messages: TransportMessage[]): Promise<void>;
  abstract subscribe(subscription: TransportSubscription): Promise<void>;
  abstract isHealthy(): Promise<boolean>;
  /** Stops consuming once the messages in hand are handled; publishing still works. */
  abstract stopConsuming(): Promise<void>;
  abstract close(): Promise<void>;
}
