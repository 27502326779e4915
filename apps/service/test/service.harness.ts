import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  EventDefinition,
  EventEnvelope,
  PartnerKind,
  PartnerState,
  PayloadOf,
  Role,
  VehicleState,
} from '@crm/contracts';
import { Clock } from '@crm/core';
import { MessageTransport } from '@crm/messaging';
import { configureHttpApp } from '@crm/platform';
import {
  createTestDatabase,
  deliver,
  stampedEvent,
  TestDatabase,
  testPlatformConfig,
  TestTokenIssuer,
} from '@crm/testing';
import { SERVICE_API, ServiceAppModule } from '../src/service-app.module';
import { DEFAULT_SERVICE_SETTINGS, LOCAL_WEBHOOK_TARGETS, ServiceSettings } from '../src/service-settings';
import { CustomerContactRepository } from '../src/customers/customer-contact.repository';
import { CustomerVehicleRepository } from '../src/customers/customer-vehicle.repository';
import { StationRepository } from '../src/stations/station.repository';

export interface ServiceHarnessOptions {
  /** A FixedClock for SLA tests; the system clock otherwise. */
  clock?: Clock;
  settings?: Partial<ServiceSettings>;
}

export type StationInput = Partial<Omit<PartnerState, 'location'>> & { lat: number; lon: number };

/** The service app on real PostgreSQL, Redis and Kafka, with a token issuer of its own. */
export class ServiceHarness {
  private constructor(
    readonly app: INestApplication,
    readonly database: TestDatabase,
    readonly tokens: TestTokenIssuer,
  ) {}

  static async start(options: ServiceHarnessOptions = {}): Promise<ServiceHarness> {
    const tokens = await TestTokenIssuer.start();
    const database = await createTestDatabase('service');
    const platform = testPlatformConfig({ DATABASE_URL: database.url, AUTH_JWKS_URL: tokens.jwksUrl });
    const settings = {
      ...DEFAULT_SERVICE_SETTINGS,
      ...LOCAL_WEBHOOK_TARGETS,
      webhookPollIntervalMs: 200,
      ...options.settings,
    };
    let builder = Test.createTestingModule({ imports: [ServiceAppModule.forRoot(platform, settings)] });
    if (options.clock) builder = builder.overrideProvider(Clock).useValue(options.clock);
    const moduleRef = await builder.compile();
    const app = configureHttpApp(
      moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] }),
      SERVICE_API,
    );
    await app.init();
    return new ServiceHarness(app, database, tokens);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async as(roles: Role[], partner?: { id: string; kind: PartnerKind }): Promise<string> {
    return `Bearer ${await this.tokens.sign({ roles, partnerId: partner?.id, partnerKind: partner?.kind })}`;
  }

  /** A staff token carrying the user's name, as identity issues them. */
  async asNamed(roles: Role[], name: string): Promise<string> {
    return `Bearer ${await this.tokens.sign({ roles, name })}`;
  }

  asStation(stationId: string): Promise<string> {
    return this.as(['repair_station'], { id: stationId, kind: 'repair_station' });
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(sql, params);
  }

  /** Feeds the station replica directly, as the partner events would. */
  async station(input: StationInput): Promise<string> {
    const state = stationState(input);
    await this.app
      .get(DataSource)
      .transaction((tx) =>
        this.app
          .get(StationRepository)
          .upsert(tx, state, { sequence: null, occurredAt: new Date().toISOString() }),
      );
    return state.partnerId;
  }

  /** Feeds the customer replicas directly, as customer and vehicle events would: a customer tickets may be opened for. */
  async customer(customerId: string = randomUUID(), vehicles: Partial<VehicleState>[] = []): Promise<string> {
    await this.app.get(DataSource).transaction(async (tx) => {
      const unnumbered = { sequence: null, occurredAt: new Date().toISOString() };
      await this.app
        .get(CustomerContactRepository)
        .save(tx, { customerId, name: null, phones: [], emails: [], consentedChannels: [] }, unnumbered);
      for (const vehicle of vehicles)
        await this.app.get(CustomerVehicleRepository).save(tx, vehicleState(customerId, vehicle), unnumbered);
    });
    return customerId;
  }

  /** Publishes an event through the real transport, as another service's outbox relay would. */
  async publish<D extends EventDefinition>(
    definition: D,
    aggregateId: string,
    payload: PayloadOf<D>,
    occurredAt: Date = new Date(),
  ) {
    const envelope = stampedEvent(definition, aggregateId, payload, { occurredAt: occurredAt.toISOString() });
    await this.publishEnvelope(envelope);
    return envelope;
  }

  async publishEnvelope(envelope: EventEnvelope): Promise<void> {
    await deliver(this.app.get(MessageTransport), envelope);
  }

  /** Event types written to the outbox for one aggregate, oldest first. */
  async outboxTypes(aggregateId: string): Promise<string[]> {
    const rows = await this.query<{ type: string }>(
      `SELECT envelope->>'type' AS type FROM service.outbox_message WHERE message_key = $1 ORDER BY seq`,
      [aggregateId],
    );
    return rows.map((row) => row.type);
  }

  get<T>(token: abstract new (...args: never[]) => T): T {
    return this.app.get(token);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.tokens.stop();
    await this.database.drop();
  }
}

export function stationState(input: StationInput): PartnerState {
  const { lat, lon, ...rest } = input;
  return {
    partnerId: randomUUID(),
    kind: 'repair_station',
    code: `RS-${randomUUID().slice(0, 8).toUpperCase()}`,
    name: 'Station',
    phone: null,
    address: {
      province: null,
      city: null,
      district: null,
      street: null,
      postalCode: null,
      location: { lat, lon },
    },
    location: { lat, lon },
    brands: ['Aurora'],
    skills: ['brakes', 'engine'],
    capacity: 5,
    openingHours: [],
    active: true,
    ...rest,
  };
}

export function vehicleState(ownerCustomerId: string, input: Partial<VehicleState> = {}): VehicleState {
  return {
    vehicleId: randomUUID(),
    vin: `LSVAU2180N${randomUUID().replace(/-/g, '').slice(0, 7).toUpperCase()}`,
    brand: 'Aurora',
    model: 'A6',
    modelYear: 2024,
    purchaseDate: '2024-03-01',
    sellingDealerId: null,
    warrantyEnd: null,
    ownerCustomerId,
    ...input,
  };
}
