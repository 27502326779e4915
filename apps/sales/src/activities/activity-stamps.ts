import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ActivityLogged } from '@crm/contracts';
import { Clock, IdGenerator } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { Activity } from './activity';

/** Gives a new activity its id and times, and writes its integration event. */
@Injectable()
export class ActivityStamps {
  constructor(
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  stamp(a: Omit<Activity, 'id' | 'createdAt' | 'occurredAt'> & { occurredAt?: string }): Activity {
    const now = this.clock.now().toISOString();
    return {
      ...a,
      id: this.ids.next(),
      occurredAt: new Date(a.occurredAt ?? now).toISOString(),
      createdAt: now,
    };
  }

  async publish(tx: EntityManager, a: Activity, ownerName: string | null): Promise<void> {
    await this.outbox.add(
      tx,
      this.events.create(ActivityLogged, a.id, {
        activityId: a.id,
        type: a.type,
        customerId: a.customerId,
        leadId: a.leadId,
        opportunityId: a.opportunityId,
        ownerId: a.ownerId,
        ownerName,
        partnerId: a.partnerId,
        subject: a.subject,
        discussed: a.discussed,
        nextStep: a.nextStep,
        nextStepDue: a.nextStepDue,
        occurredAt: a.occurredAt,
      }),
    );
  }
}
