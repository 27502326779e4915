import { Counter, Gauge, Registry } from 'prom-client';

/** The messaging lib's Prometheus metrics; the service's /metrics endpoint serves this registry too. */
export const messagingMetricsRegistry = new Registry();

export const deadLettersParked = new Counter({
  name: 'crm_messaging_dead_letters_total',
  help: 'Messages a consumer parked as dead letters instead of applying them, by topic and reason',
  labelNames: ['service', 'consumer', 'topic', 'reason'],
  registers: [messagingMetricsRegistry],
});

/** Apart from the total above: a parked erasure leaves a person's data in place until it is replayed. */
export const privacyDeadLettersParked = new Counter({
  name: 'crm_messaging_privacy_dead_letters_total',
  help: 'Privacy events (customer.erased) a consumer parked: the person is not erased in this service until replayed',
  labelNames: ['service', 'consumer', 'topic', 'event_type'],
  registers: [messagingMetricsRegistry],
});

export const eventsSkipped = new Counter({
  name: 'crm_messaging_skipped_events_total',
  help: 'Events a consumer skipped because their type is unknown to it (a newer producer), by topic',
  labelNames: ['service', 'consumer', 'topic', 'reason'],
  registers: [messagingMetricsRegistry],
});

export const tombstonesSkipped = new Counter({
  name: 'crm_messaging_tombstones_total',
  help: 'Null-value messages (tombstones of a compacted topic) a consumer passed over, by topic',
  labelNames: ['service', 'consumer', 'topic'],
  registers: [messagingMetricsRegistry],
});

export const consumerUp = new Gauge({
  name: 'crm_messaging_consumer_up',
  help: 'Whether a consumer group member is in its group (1) or stopped and waiting to start again (0), by group',
  labelNames: ['group'],
  registers: [messagingMetricsRegistry],
});

export const consumerRestarts = new Counter({
  name: 'crm_messaging_consumer_restarts_total',
  help: 'Consumer group members started again after a crash or a failed start, by group',
  labelNames: ['group'],
  registers: [messagingMetricsRegistry],
});
