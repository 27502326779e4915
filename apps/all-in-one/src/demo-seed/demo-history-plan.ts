import { QualityType } from '@crm/contracts';
import { SeededRandom } from './demo-data';

/**
 * What the demo's past months hold (ADR 0058): car sales with the Chinese market's yearly shape, and complaints per
 * model and quality type with theirs, small enough to seed in seconds. Pure: the seed writes it through the services.
 */
export const DEMO_HISTORY = {
  /** Months of sales before this one: two and a half years, so the forecast and its backtest see two seasons. */
  salesMonths: 30,
  /** Showroom sales in an average month of the middle year (before the season). */
  salesPerMonth: 2,
  /** Yearly growth of the sales. */
  salesGrowth: 0.15,
  /** Months of complaints before this one: a quality check looks two years back, the market view as far as sales. */
  complaintMonths: 30,
  /** Vehicle models with complaints (the jump's first). */
  complaintModels: 3,
  /** At most this many complaints in a cell (model x quality type) a month, so no cell but the jump is an alert. */
  cellCap: 2,
  /** The jump: this month's complaints in one cell, beyond any baseline of months holding `cellCap` at most. */
  jumpComplaints: 8,
  jumpQualityType: 'infotainment' as QualityType,
} as const;

/**
 * Car sales by calendar month in China (January first): the Spring Festival dip in February, the autumn season
 * (金九银十) and the year-end push.
 */
const SALES_SEASON = [1.1, 0.6, 0.9, 0.85, 0.9, 1.0, 0.85, 0.9, 1.15, 1.25, 1.3, 1.5];

/**
 * Complaints a month per vehicle model, by quality type and calendar month: air conditioning in summer, the 12 V
 * battery (electrical) in winter. Only types every demo city has a station for, so each one is routed.
 */
const COMPLAINT_SEASONS: Partial<Record<QualityType, number[]>> = {
  brakes: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
  electrical: [0.25, 0.2, 0.12, 0.07, 0.05, 0.05, 0.05, 0.05, 0.07, 0.1, 0.17, 0.25],
  air_conditioning: [0.02, 0.02, 0.03, 0.07, 0.15, 0.27, 0.3, 0.27, 0.12, 0.03, 0.02, 0.02],
  infotainment: [0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2],
};
export const HISTORY_QUALITY_TYPES = Object.keys(COMPLAINT_SEASONS) as QualityType[];

export interface PastSale {
  at: Date;
  /** Indexes into the reps, the customers and the catalog's trims. */
  rep: number;
  customer: number;
  trim: number;
}

export interface PastComplaint {
  /** Null: this month, now. */
  at: Date | null;
  model: string;
  qualityType: QualityType;
}

/** The UTC month `monthsAgo` before `now`'s, as [year, month index]. */
function monthBefore(now: Date, monthsAgo: number): [number, number] {
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() - monthsAgo;
  return [Math.floor(index / 12), index % 12];
}

/**
 * The `n`th of `count` instants spread over a past month: weekdays from the 1st to the 22nd, 09:00 to 17:00 in
 * Shanghai (01:00 to 09:00 UTC), so the month is the same in UTC and in the sales calendar.
 */
function dayInMonth(now: Date, monthsAgo: number, n: number, count: number, random: SeededRandom): Date {
  const [year, month] = monthBefore(now, monthsAgo);
  const day = 3 + Math.floor(((n + random.next()) * 20) / Math.max(count, 1));
  const at = new Date(Date.UTC(year, month, day, 1 + random.int(8), random.int(60)));
  const weekday = at.getUTCDay();
  // A weekend moves back to the Friday.
  if (weekday === 6 || weekday === 0) at.setUTCDate(at.getUTCDate() - (weekday === 6 ? 1 : 2));
  return at;
}

/**
 * A rep, and one of the three customers of that rep's demo deals (the sales seed gives rep i customers 3i to 3i+2): a
 * customer account one branch works (ADR 0017) is never sold by the other, so each manager's view stays the branch's.
 */
function repAndCustomer(random: SeededRandom, counts: { sellers: number[]; customers: number }) {
  const rep = random.pick(counts.sellers);
  return { rep, customer: (rep * 3 + random.int(3)) % Math.max(counts.customers, 1) };
}

/** Showroom sales in each of the months before `now`'s by the reps at `sellers` (indexes), oldest first. */
export function planPastSales(
  now: Date,
  random: SeededRandom,
  counts: { sellers: number[]; customers: number; trims: number },
): PastSale[] {
  const sales: PastSale[] = [];
  for (let monthsAgo: number = DEMO_HISTORY.salesMonths; monthsAgo >= 1; monthsAgo--) {
    const [, month] = monthBefore(now, monthsAgo);
    const growth = 1 + (DEMO_HISTORY.salesGrowth * (DEMO_HISTORY.salesMonths / 2 - monthsAgo)) / 12;
    const expected = DEMO_HISTORY.salesPerMonth * SALES_SEASON[month] * growth;
    const count = Math.max(1, Math.round(expected + random.next() - 0.5));
    for (let n = 0; n < count; n++)
      sales.push({
        at: dayInMonth(now, monthsAgo, n, count, random),
        ...repAndCustomer(random, counts),
        trim: random.int(counts.trims),
      });
  }
  return sales;
}

/**
 * Complaints on `models` in the months before `now`'s and in this one (at most `cellCap` a cell and month, as
 * two draws at half the cell's monthly rate), oldest first; this month, `jumpComplaints` in the jump cell.
 */
export function planComplaints(
  now: Date,
  random: SeededRandom,
  models: string[],
  jumpModel: string,
): PastComplaint[] {
  const complaints: PastComplaint[] = [];
  for (let monthsAgo: number = DEMO_HISTORY.complaintMonths; monthsAgo >= 0; monthsAgo--) {
    const [, month] = monthBefore(now, monthsAgo);
    const cells: Omit<PastComplaint, 'at'>[] = [];
    for (const model of models)
      for (const qualityType of HISTORY_QUALITY_TYPES) {
        const jump = monthsAgo === 0 && model === jumpModel && qualityType === DEMO_HISTORY.jumpQualityType;
        const rate = (COMPLAINT_SEASONS[qualityType] as number[])[month] / DEMO_HISTORY.cellCap;
        let count = 0;
        for (let draw = 0; draw < DEMO_HISTORY.cellCap; draw++) if (random.next() < rate) count++;
        for (let n = 0; n < (jump ? DEMO_HISTORY.jumpComplaints : count); n++)
          cells.push({ model, qualityType });
      }
    cells.forEach((cell, n) =>
      complaints.push({
        ...cell,
        at: monthsAgo === 0 ? null : dayInMonth(now, monthsAgo, n, cells.length, random),
      }),
    );
  }
  return complaints;
}
