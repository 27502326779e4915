import { describe, expect, it } from '@jest/globals';
import { advanced, overdueMs } from './sla-clock-reading';
import type { SlaClock } from './service-manager-queries';

const MINUTE = 60_000;
const running = (remainingMs: number): SlaClock => ({
  dueAt: '2026-11-30T10:00:00.000Z',
  breachedAt: null,
  state: 'running',
  breached: false,
  remainingMs,
});

describe('an SLA clock read by the server, as time passes in the browser', () => {
  it('counts a running clock down', () => {
    expect(advanced(running(10 * MINUTE), 3 * MINUTE)).toMatchObject({
      state: 'running',
      remainingMs: 7 * MINUTE,
    });
  });

  it('turns breached once past due, and counts how long since', () => {
    const late = advanced(running(MINUTE), 3 * MINUTE);
    expect(late).toMatchObject({ state: 'breached', breached: true, remainingMs: -2 * MINUTE });
    expect(overdueMs(late, '2026-11-30T09:59:00.000Z', 3 * MINUTE)).toBe(2 * MINUTE);
  });

  it('leaves a stopped or escalated clock alone, measuring an escalated one from its due time', () => {
    const escalated: SlaClock = { ...running(0), state: 'breached', breached: true, remainingMs: null };
    expect(advanced(escalated, 5 * MINUTE)).toBe(escalated);
    expect(overdueMs(escalated, '2026-11-30T10:10:00.000Z', 5 * MINUTE)).toBe(15 * MINUTE);
  });
});
