import { ComplaintRecorded, CustomerErased, InteractionRecorded } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { AgentActivityStore } from './agent-activity-store';
import { AGENT_KPI_CONSUMERS } from './agent-kpi-tables';

type Consumer = (name: keyof typeof AGENT_KPI_CONSUMERS) => string;

/** Hands the call center's contacts and complaints to the store; the live consumer and a rebuild share it. */
export function registerAgentKpiHandlers(
  subscriber: EventSubscriber,
  store: AgentActivityStore,
  consumer: Consumer,
): void {
  subscriber.onBatch(consumer('agentInteractions'), InteractionRecorded, (events, tx) =>
    store.addInteractions(
      tx,
      events.map(({ id, payload, occurredAt }) => ({
        interactionId: payload.interactionId,
        agentId: payload.agentId,
        customerId: payload.customerId,
        channel: payload.channel,
        direction: payload.direction,
        durationSeconds: payload.durationSeconds,
        occurredAt: payload.occurredAt,
        eventAt: occurredAt,
        eventId: id,
      })),
    ),
  );
  subscriber.on(consumer('agentInteractions'), CustomerErased, ({ payload }, tx) =>
    store.eraseCustomer(tx, payload.customerId),
  );
  subscriber.on(consumer('agentComplaints'), ComplaintRecorded, ({ id, payload, occurredAt }, tx) =>
    store.addComplaint(tx, {
      interactionId: payload.interactionId,
      ticketId: payload.ticketId,
      agentId: payload.agentId,
      recordedAt: occurredAt,
      eventId: id,
    }),
  );
}
