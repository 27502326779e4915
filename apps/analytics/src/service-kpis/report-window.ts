import { InvalidInputError } from '@crm/core';
import { ReportFreshness, ReportWindow } from './dto/service-kpi.response';

const DEFAULT_WINDOW_MS = 30 * 24 * 3_600_000;
export const WINDOW_BASIS = 'tickets opened in [from, to)';

/** The window a report covers: `to` defaults to now, `from` to 30 days before `to`. */
export function reportWindow(now: Date, from?: string, to?: string): { from: Date; to: Date } {
  const end = to ? new Date(to) : now;
  const start = from ? new Date(from) : new Date(end.getTime() - DEFAULT_WINDOW_MS);
  if (start >= end) throw new InvalidInputError([{ field: 'from', message: 'from must be before to' }]);
  return { from: start, to: end };
}

export function windowView(window: { from: Date; to: Date }): ReportWindow {
  return { from: window.from.toISOString(), to: window.to.toISOString(), basis: WINDOW_BASIS };
}

/** Projection lag: how far the newest applied event is behind the moment the figures were read. */
export function freshnessView(now: Date, newestEventAt: Date | null): ReportFreshness {
  return {
    asOf: now.toISOString(),
    newestEventAt: newestEventAt?.toISOString() ?? null,
    lagSeconds: newestEventAt ? Math.max(0, (now.getTime() - newestEventAt.getTime()) / 1000) : null,
  };
}
