import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { QualityAlertRaised, QualityType } from '@crm/contracts';
import { Clock, IdGenerator } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { QualityAlertRow, QualityRepository } from './quality.repository';
import { baselineMonths, judgeCell } from './seasonal-baseline';

/** One check at a time across every instance (a transaction-scoped advisory lock). */
const CHECK_LOCK = `hashtext('analytics.quality_alert_check')`;

/**
 * Compares each quality cell's complaints in a month with its seasonal baseline and raises
 * `quality.alert-raised` through the outbox for a jump: once per cell and month (the alert row's key),
 * in the same transaction as the row.
 */
@Injectable()
export class QualityAlertChecker {
  constructor(
    private readonly db: DataSource,
    private readonly quality: QualityRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  /** On demand: waits for a check running elsewhere, then checks `month`; the alerts this call raised. */
  check(month: string): Promise<QualityAlertRow[]> {
    return this.db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${CHECK_LOCK})`);
      return this.checkMonth(tx, month);
    });
  }

  /** On schedule: the months given, unless another instance is checking now (then it does). */
  checkUnlessRunning(months: string[]): Promise<QualityAlertRow[]> {
    return this.db.transaction(async (tx) => {
      const [{ free }] = await tx.query(`SELECT pg_try_advisory_xact_lock(${CHECK_LOCK}) AS free`);
      if (!free) return [];
      const raised: QualityAlertRow[] = [];
      for (const month of months) raised.push(...(await this.checkMonth(tx, month)));
      return raised;
    });
  }

  private async checkMonth(tx: EntityManager, month: string): Promise<QualityAlertRow[]> {
    const baseline = baselineMonths(month, await this.quality.dataStart(tx));
    if (baseline.length === 0) return [];
    const counts = await this.quality.cells({ fromMonth: baseline[0], toMonth: month }, tx);
    const fleet = await this.quality.fleet(tx);
    const byCell = new Map<string, Map<string, number>>();
    for (const { model, qualityType, month: m, complaints } of counts) {
      const key = JSON.stringify([model, qualityType]);
      byCell.set(key, (byCell.get(key) ?? new Map()).set(m, complaints));
    }
    const raised: QualityAlertRow[] = [];
    for (const [key, months] of byCell) {
      const complaints = months.get(month) ?? 0;
      const verdict = judgeCell(
        complaints,
        baseline.map((m) => months.get(m) ?? 0),
      );
      if (!verdict?.alert) continue;
      const [model, qualityType] = JSON.parse(key) as [string, QualityType];
      const alert = {
        alertId: this.ids.next(),
        model,
        qualityType,
        month,
        complaints,
        vehicles: fleet.get(model) ?? 0,
        expected: verdict.expected,
        upperBound: verdict.upperBound,
        raisedAt: this.clock.now(),
      };
      if (await this.raise(tx, alert, baseline)) raised.push(alert);
    }
    return raised;
  }

  private async raise(tx: EntityManager, alert: QualityAlertRow, baseline: string[]): Promise<boolean> {
    if (!(await this.quality.recordAlert(tx, alert))) return false;
    const { raisedAt, ...figures } = alert;
    await this.outbox.add(
      tx,
      this.events.create(QualityAlertRaised, alert.alertId, {
        ...figures,
        qualityType: alert.qualityType as QualityType,
        complaintsPer1000: (alert.complaints * 1000) / alert.vehicles,
        baselineMonths: baseline,
        raisedAt: raisedAt.toISOString(),
      }),
    );
    return true;
  }
}
