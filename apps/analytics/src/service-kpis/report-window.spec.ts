import { InvalidInputError } from '@crm/core';
import { freshnessView, reportWindow } from './report-window';

const NOW = new Date('2026-11-30T12:00:00Z');

describe(reportWindow.name, () => {
  it('defaults to the 30 days before now', () => {
    expect(reportWindow(NOW)).toEqual({ from: new Date('2026-10-31T12:00:00Z'), to: NOW });
  });

  it('defaults from to 30 days before a given to', () => {
    expect(reportWindow(NOW, undefined, '2026-02-01T00:00:00Z').from).toEqual(
      new Date('2026-01-02T00:00:00Z'),
    );
  });

  it('refuses a window that ends before it starts, naming from', () => {
    expect(() => reportWindow(NOW, '2026-11-02T00:00:00Z', '2026-11-01T00:00:00Z')).toThrow(
      InvalidInputError,
    );
  });
});

describe(freshnessView.name, () => {
  it('states the lag as now minus the newest event applied', () => {
    expect(freshnessView(NOW, new Date('2026-11-30T11:59:30Z')).lagSeconds).toBe(30);
  });

  it('has no lag before any event was applied', () => {
    expect(freshnessView(NOW, null)).toEqual({
      asOf: NOW.toISOString(),
      newestEventAt: null,
      lagSeconds: null,
    });
  });
});
