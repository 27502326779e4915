import { CustomerErased } from './customer/customer.events';
import { topicFor } from './event-definition';

const DAY_MS = 86_400_000;

/** Kafka topic settings (`kafka-configs` names and values) a topic is created with and kept at. */
export type TopicConfig = Readonly<Record<string, string>>;

/**
 * The topics that are not plain event logs, declared once: the Kafka transport creates its topics with these
 * settings and aligns an existing topic to them; the AsyncAPI document shows them (ADR 0013).
 */
export const TOPIC_CONFIGS: Readonly<Record<string, TopicConfig>> = {
  // The current state of each customer, keyed by customer id; an erasure ends with a tombstone for the key.
  [topicFor(CustomerErased)]: {
    'cleanup.policy': 'compact',
    // A consumer up to a week behind still reads customer.erased before compaction may drop it.
    'min.compaction.lag.ms': String(7 * DAY_MS),
    // The erased person's earlier messages are gone within 8 days of the tombstone, however quiet the topic.
    'max.compaction.lag.ms': String(8 * DAY_MS),
    // How long the tombstone itself stays once compacted, for consumers reading from the start.
    'delete.retention.ms': String(DAY_MS),
  },
};

/** The settings declared for a logical topic; none for a plain event log (the broker's defaults). */
export function topicConfigFor(topic: string): TopicConfig {
  return TOPIC_CONFIGS[topic] ?? {};
}
