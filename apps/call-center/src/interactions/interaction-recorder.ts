import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { InteractionRecorded } from '@crm/contracts';
import { Clock, IdGenerator } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { Interaction } from './interaction';
import { InteractionRepository } from './interaction.repository';

/** `campaignId`: the campaign the contact answers, passed on to the event (campaigns counts it as a response). */
export type InteractionDraft = Omit<Interaction, 'interactionId' | 'occurredAt'> & {
  occurredAt?: string;
  campaignId?: string;
};

/** Stores an interaction and announces it, inside the caller's transaction. */
@Injectable()
export class InteractionRecorder {
  constructor(
    private readonly interactions: InteractionRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async record(tx: EntityManager, draft: InteractionDraft): Promise<Interaction> {
    const occurredAt = new Date(draft.occurredAt ?? this.clock.now()).toISOString();
    const { campaignId, ...fields } = draft;
    const interaction: Interaction = { ...fields, interactionId: this.ids.next(), occurredAt };
    await this.interactions.insert(tx, interaction);
    const payload = {
      interactionId: interaction.interactionId,
      customerId: interaction.customerId,
      channel: interaction.channel,
      direction: interaction.direction,
      agentId: interaction.agentId,
      subject: interaction.subject,
      notes: interaction.notes,
      outcome: interaction.outcome,
      durationSeconds: interaction.durationSeconds,
      occurredAt,
      campaignId: campaignId ?? null,
    };
    await this.outbox.add(tx, this.events.create(InteractionRecorded, interaction.interactionId, payload));
    return interaction;
  }
}
