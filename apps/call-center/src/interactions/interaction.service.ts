import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { Customer360Invalidator } from '../read-model/customer-360.invalidator';
import { CustomerReplicaRepository } from '../read-model/customer-replica.repository';
import { RecordInteractionDto } from './dto/record-interaction.dto';
import { AgentRef, Interaction } from './interaction';
import { InteractionRecorder } from './interaction-recorder';
import { InteractionRepository } from './interaction.repository';

export interface InteractionPage {
  limit: number;
  offset: number;
}

/** Contacts with customers on every channel, each on the customer's timeline. */
@Injectable()
export class InteractionService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly customers: CustomerReplicaRepository,
    private readonly recorder: InteractionRecorder,
    private readonly interactions: InteractionRepository,
    private readonly invalidator: Customer360Invalidator,
  ) {}

  record(customerId: string, agent: AgentRef, input: RecordInteractionDto): Promise<Interaction> {
    return this.uow.run(async (tx) => {
      await this.requireCustomer(tx, customerId);
      const interaction = await this.recorder.record(tx, {
        ...input,
        customerId,
        kind: 'contact',
        agentId: agent.id,
        agentName: agent.name,
        notes: input.notes ?? null,
        outcome: input.outcome ?? null,
        durationSeconds: input.durationSeconds ?? null,
        ticketId: null,
        vehicleId: null,
        qualityType: null,
      });
      this.invalidator.afterCommit(tx, customerId);
      return interaction;
    });
  }

  list(customerId: string, page: InteractionPage): Promise<Interaction[]> {
    return this.interactions.recentFor(customerId, page.limit, page.offset);
  }

  private async requireCustomer(tx: EntityManager, customerId: string): Promise<void> {
    if (!(await this.customers.location(tx, customerId)).found)
      throw new NotFoundError('customer', customerId);
  }
}
