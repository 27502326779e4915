import { randomUUID } from 'node:crypto';
import {
  EventEnvelope,
  PartnerKinds,
  PartnerRegistered,
  SYSTEM_ACTOR,
  TicketSummary,
  topicFor,
  validateEvent,
  VehicleRegistered,
} from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { eventually } from '@crm/testing';
import { AnalyticsHarness } from './analytics.harness';

export const T0 = new Date('2026-11-02T08:00:00Z');
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

/** A ticket's events as the service app would publish them, each stamped with its own time. */
export class TicketStory {
  readonly ticketId = randomUUID();
  readonly events: EventEnvelope[] = [];

  constructor(
    private readonly base: { vehicleId: string | null; sellingDealerId?: string | null },
    private readonly openedMinute = 0,
  ) {}

  step(
    type: string,
    minute: number,
    status: TicketSummary['status'],
    extra: Record<string, unknown> = {},
  ): EventEnvelope {
    const stationId = (extra.stationId as string | undefined) ?? null;
    const envelope = validateEvent({
      id: randomUUID(),
      type,
      version: 1,
      occurredAt: at(minute),
      producer: 'service',
      aggregateType: 'ticket',
      aggregateId: this.ticketId,
      correlationId: randomUUID(),
      causationId: null,
      actor: SYSTEM_ACTOR,
      payload: {
        ticketId: this.ticketId,
        ticketNumber: `T-${this.ticketId.slice(0, 8)}`,
        customerId: '00000000-0000-4000-8000-000000000001',
        vehicleId: this.base.vehicleId,
        vin: null,
        sellingDealerId: this.base.sellingDealerId ?? null,
        qualityType: 'engine',
        severity: 'high',
        status,
        description: 'engine noise',
        channel: 'phone',
        stationId,
        location: null,
        openedAt: at(this.openedMinute),
        ...extra,
      },
    });
    this.events.push(envelope);
    return envelope;
  }
}

export function publishEnvelopes(harness: AnalyticsHarness, envelopes: EventEnvelope[]): Promise<void> {
  return harness.app.get(MessageTransport).publish(
    envelopes.map((envelope) => ({
      topic: topicFor({ aggregateType: envelope.aggregateType }),
      key: envelope.aggregateId,
      value: JSON.stringify(envelope),
      headers: {},
    })),
  );
}

export async function registerStation(
  harness: AnalyticsHarness,
  name: string,
  province: string,
): Promise<string> {
  const partnerId = randomUUID();
  await harness.publish(PartnerRegistered, partnerId, {
    partnerId,
    kind: PartnerKinds.repairStation,
    code: name,
    name,
    phone: null,
    address: { province, city: null, district: null, street: null, postalCode: null, location: null },
    location: { lat: 31.2, lon: 121.4 },
    brands: [],
    skills: ['engine'],
    capacity: 5,
    openingHours: [],
    active: true,
  });
  return partnerId;
}

/** A vehicle registered to `ownerCustomerId`, as the customer master publishes it. */
export function vehicleRegistered(
  harness: AnalyticsHarness,
  model: string,
  ownerCustomerId = '00000000-0000-4000-8000-000000000001',
): Promise<EventEnvelope> {
  const vehicleId = randomUUID();
  return harness.publish(VehicleRegistered, vehicleId, {
    vehicleId,
    vin: 'LSVAU2180N2900017',
    brand: 'Roewe',
    model,
    modelYear: 2024,
    purchaseDate: null,
    sellingDealerId: null,
    warrantyEnd: null,
    ownerCustomerId,
  });
}

/** A vehicle registered and projected: reports joining tickets or repairs to vehicle models can see it. */
export async function registerVehicle(harness: AnalyticsHarness, model: string): Promise<string> {
  const vehicleId = (await vehicleRegistered(harness, model)).aggregateId;
  await eventually(async () => {
    const rows = await harness.query(`SELECT 1 FROM analytics.vehicle_model WHERE vehicle_id = $1`, [
      vehicleId,
    ]);
    expect(rows).toHaveLength(1);
  }, 60_000);
  return vehicleId;
}
