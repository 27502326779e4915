import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { QualityType } from '@crm/contracts';
import { InvalidInputError, RequestContext } from '@crm/core';
import { SatisfactionService } from '../satisfaction/satisfaction.service';
import { StationResponseService } from '../station-api/station-response.service';
import { StationWorkService } from '../station-api/station-work.service';
import { Ticket } from '../tickets/ticket';
import { TicketOpeningService } from '../tickets/ticket-opening.service';

/** A past complaint to replay through its whole lifecycle. */
export interface ServiceDemoStory {
  customerId: string;
  vehicleId: string;
  /** The identity user id of the agent who took the call. */
  agentUserId: string;
  /** The identity user id of the station login that accepts, when the ticket is routed to it. */
  stationUserIds: Map<string, string>;
  qualityType: QualityType;
  description: string;
  workDone: string;
  technician: string;
  score: number;
  comment: string;
}

/** What opening a complaint needs of a story. */
export type ServiceDemoComplaint = Pick<
  ServiceDemoStory,
  'customerId' | 'vehicleId' | 'agentUserId' | 'qualityType' | 'description'
>;
/** What the station's repair needs of a story. */
export type ServiceDemoRepair = Pick<ServiceDemoStory, 'stationUserIds' | 'workDone' | 'technician'>;

const REPLICA_WAIT_MS = 20_000;

/**
 * Demo data for the embedded default: past tickets opened by an agent, routed, accepted by the
 * station, resolved with a repair and rated, written through the same services as the API.
 */
@Injectable()
export class ServiceDemoSeeder {
  constructor(
    private readonly opening: TicketOpeningService,
    private readonly responses: StationResponseService,
    private readonly work: StationWorkService,
    private readonly satisfaction: SatisfactionService,
  ) {}

  /** Returns the resolved and rated ticket, or null when no station could be routed to. */
  async replay(story: ServiceDemoStory): Promise<Ticket | null> {
    const opened = await this.open(story);
    if (!opened.stationId) return null;
    await this.repair(story, opened);
    return this.as(story.agentUserId, 'user', () =>
      this.satisfaction.record(opened.ticketId, { score: story.score, comment: story.comment, via: 'agent' }),
    );
  }

  /** The agent opens the complaint; routing (in the same transaction) picks the station. */
  open(story: ServiceDemoComplaint): Promise<Ticket> {
    return this.as(story.agentUserId, 'user', () => this.openOnceReplicated(story));
  }

  /** The routed station accepts the ticket and resolves it with a repair. */
  async repair(story: ServiceDemoRepair, opened: Ticket): Promise<void> {
    await this.accept(story, opened);
    await this.resolve(story, opened);
  }

  accept(story: ServiceDemoRepair, opened: Ticket): Promise<unknown> {
    return this.asStation(story, opened, (stationId) => this.responses.accept(opened.ticketId, stationId));
  }

  resolve(story: ServiceDemoRepair, opened: Ticket): Promise<unknown> {
    return this.asStation(story, opened, (stationId) =>
      this.work.resolve(opened.ticketId, stationId, {
        workDone: story.workDone,
        parts: [],
        cost: { amount: 680, currency: 'CNY' },
        technician: story.technician,
      }),
    );
  }

  /** A station without a demo login acts as itself (a partner actor), as its webhook client would. */
  private asStation<T>(story: ServiceDemoRepair, opened: Ticket, work: (stationId: string) => Promise<T>) {
    const stationId = opened.stationId as string;
    const actor = story.stationUserIds.get(stationId) ?? stationId;
    return this.as(actor, 'partner', () => work(stationId));
  }

  private as<T>(id: string, kind: 'user' | 'partner', work: () => Promise<T>): Promise<T> {
    return RequestContext.run({ correlationId: randomUUID(), causationId: null, actor: { id, kind } }, work);
  }

  /** The customer and vehicle reach this service's replicas by events, a moment after they are registered. */
  private async openOnceReplicated(story: ServiceDemoComplaint): Promise<Ticket> {
    const ticketId = randomUUID();
    const deadline = Date.now() + REPLICA_WAIT_MS;
    for (;;) {
      try {
        return await this.opening.open({
          ticketId,
          customerId: story.customerId,
          vehicleId: story.vehicleId,
          qualityType: story.qualityType,
          description: story.description,
          channel: 'phone',
        });
      } catch (error) {
        if (!(error instanceof InvalidInputError) || Date.now() > deadline) throw error;
        await sleep(100);
      }
    }
  }
}
