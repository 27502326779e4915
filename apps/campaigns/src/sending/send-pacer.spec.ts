import { FixedClock } from '@crm/core';
import { SendPacer } from './send-pacer';

describe(SendPacer.name, () => {
  it('gives back-to-back sends slots 1/rate apart and lets the first go at once', async () => {
    const waits: number[] = [];
    const pacer = new SendPacer(4, new FixedClock(new Date('2026-11-30T10:00:00Z')), async (ms) => {
      waits.push(ms);
    });
    await Promise.all([pacer.take(), pacer.take(), pacer.take(), pacer.take()]);
    expect(waits).toEqual([250, 500, 750]);
  });

  it('does not bank unused slots: after a pause, sends are spaced again from now', async () => {
    const clock = new FixedClock(new Date('2026-11-30T10:00:00Z'));
    const waits: number[] = [];
    const pacer = new SendPacer(2, clock, async (ms) => {
      waits.push(ms);
    });
    await pacer.take();
    clock.advance(10_000);
    await pacer.take();
    await pacer.take();
    expect(waits).toEqual([500]);
  });
});
