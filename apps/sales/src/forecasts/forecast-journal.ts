import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEFAULT_CURRENCY, ForecastAdjusted, PayloadOf } from '@crm/contracts';
import { EventFactory, Outbox } from '@crm/messaging';
import { ForecastAdjustment } from './forecast';
import { ForecastRepository } from './forecast.repository';

export function toForecastAdjusted(
  adjustment: ForecastAdjustment,
  managerId: string | null,
): PayloadOf<typeof ForecastAdjusted> {
  return {
    adjustmentId: adjustment.id,
    level: adjustment.level,
    userId: adjustment.userId,
    managerId,
    month: adjustment.month,
    amount: { amount: adjustment.amount, currency: DEFAULT_CURRENCY },
    computed: adjustment.computed,
    adjustedBy: adjustment.adjustedBy,
    adjustedAt: adjustment.adjustedAt,
  };
}

/** An adjustment and its forecast.adjusted event (the forecast snapshot), written in the caller's transaction. */
@Injectable()
export class ForecastJournal {
  constructor(
    private readonly forecasts: ForecastRepository,
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
  ) {}

  /** `managerId`: whom the person (or the team's manager) reports to, so readers can roll up to teams. */
  async add(tx: EntityManager, adjustment: ForecastAdjustment, managerId: string | null): Promise<void> {
    await this.forecasts.addAdjustment(tx, adjustment);
    await this.outbox.add(
      tx,
      this.events.create(ForecastAdjusted, adjustment.id, toForecastAdjusted(adjustment, managerId)),
    );
  }
}
