import { SeededRandom } from './demo-data';
import { DEMO_HISTORY, HISTORY_QUALITY_TYPES, planComplaints, planPastSales } from './demo-history-plan';

const NOW = new Date('2026-12-01T04:00:00Z');
const month = (at: Date) => at.toISOString().slice(0, 7);
const shanghaiMonth = (at: Date) => month(new Date(at.getTime() + 8 * 3_600_000));
const MODELS = ['A3 Hatchback', 'A6 Sedan', 'Z1 City'];

describe(planPastSales.name, () => {
  const sales = planPastSales(NOW, new SeededRandom(1), { sellers: [3, 4, 5], customers: 12, trims: 6 });
  const perMonth = new Map<string, number>();
  for (const sale of sales) perMonth.set(month(sale.at), (perMonth.get(month(sale.at)) ?? 0) + 1);

  it('sells in every one of the months before this one, the same month in UTC and in Shanghai', () => {
    expect([...perMonth.keys()]).toHaveLength(DEMO_HISTORY.salesMonths);
    expect(month(sales[0].at)).toBe('2024-06');
    expect(month(sales[sales.length - 1].at)).toBe('2026-11');
    for (const sale of sales) expect(shanghaiMonth(sale.at)).toBe(month(sale.at));
    expect(sales.every((sale) => sale.at.getUTCDay() !== 0 && sale.at.getUTCDay() !== 6)).toBe(true);
  });

  it('sells more at the year end than in the Spring Festival month, and more each year', () => {
    const sum = (prefix: string) =>
      [...perMonth].filter(([m]) => m.endsWith(prefix)).reduce((total, [, count]) => total + count, 0);
    expect(sum('-12')).toBeGreaterThan(sum('-02'));
    // January to November, the months 2026 has had.
    const year = (y: string) =>
      [...perMonth].filter(([m]) => m.startsWith(y) && m < `${y}-12`).reduce((t, [, c]) => t + c, 0);
    expect(year('2026')).toBeGreaterThan(year('2025'));
  });

  it("picks reps and trims among those given, and a customer of the rep's own demo deals", () => {
    for (const sale of sales) {
      expect([3, 4, 5]).toContain(sale.rep);
      expect([0, 1, 2].map((k) => (sale.rep * 3 + k) % 12)).toContain(sale.customer);
      expect(sale.trim).toBeLessThan(6);
    }
  });
});

describe(planComplaints.name, () => {
  const complaints = planComplaints(NOW, new SeededRandom(2), MODELS, 'A6 Sedan');
  const cells = new Map<string, number>();
  for (const c of complaints) {
    const key = [c.model, c.qualityType, c.at ? month(c.at) : 'now'].join('|');
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }

  it('jumps in one cell this month and holds every other cell and month under an alert (at most the cap)', () => {
    const jumpKey = ['A6 Sedan', DEMO_HISTORY.jumpQualityType, 'now'].join('|');
    expect(cells.get(jumpKey)).toBe(DEMO_HISTORY.jumpComplaints);
    const others = [...cells].filter(([key]) => key !== jumpKey);
    expect(Math.max(...others.map(([, count]) => count))).toBeLessThanOrEqual(DEMO_HISTORY.cellCap);
    // The checker never flags fewer than 3 complaints (seasonal-baseline.ts), so only the jump can be an alert.
    expect(DEMO_HISTORY.cellCap).toBeLessThan(3);
  });

  it('reaches back beyond the same month two years ago, with complaints of every type on every model', () => {
    const past = complaints.filter((c) => c.at !== null) as Array<{
      at: Date;
      model: string;
      qualityType: string;
    }>;
    expect(month(past[0].at) <= '2024-12').toBe(true);
    expect(new Set(past.map((c) => month(c.at))).size).toBeGreaterThanOrEqual(
      DEMO_HISTORY.complaintMonths / 2,
    );
    expect(new Set(past.map((c) => c.model))).toEqual(new Set(MODELS));
    expect(new Set(past.map((c) => c.qualityType))).toEqual(new Set(HISTORY_QUALITY_TYPES));
    for (const c of past) expect(shanghaiMonth(c.at)).toBe(month(c.at));
    for (const c of past) expect(c.at.getUTCDate()).toBeLessThanOrEqual(24);
  });

  it('complains of air conditioning in summer and of the battery in winter', () => {
    const count = (type: string, months: string[]) =>
      complaints.filter((c) => c.at && c.qualityType === type && months.includes(month(c.at).slice(5)))
        .length;
    expect(count('air_conditioning', ['06', '07', '08'])).toBeGreaterThan(
      count('air_conditioning', ['12', '01', '02']),
    );
    expect(count('electrical', ['12', '01', '02'])).toBeGreaterThan(count('electrical', ['06', '07', '08']));
  });
});
