import { setImmediate as nextTurn } from 'node:timers/promises';
import { BackdatingClock } from './clock';

const PAST = new Date('2024-06-14T03:00:00Z');
const recent = (at: Date) => Math.abs(at.getTime() - Date.now()) < 60_000;

describe(BackdatingClock.name, () => {
  const clock = new BackdatingClock();

  it('reads the system clock outside a trip', () => {
    expect(recent(clock.now())).toBe(true);
  });

  it('reads the instant in the work of `at`, across its awaits, and hands back its result', async () => {
    const seen = await clock.at(PAST, async () => {
      const before = clock.now();
      await nextTurn();
      return [before, clock.now()];
    });
    expect(seen).toEqual([PAST, PAST]);
    expect(recent(clock.now())).toBe(true);
  });

  it('leaves work running beside the trip on the system clock', async () => {
    const beside: Date[] = [];
    await Promise.all([
      clock.at(PAST, () => nextTurn()),
      (async () => {
        await nextTurn();
        beside.push(clock.now());
      })(),
    ]);
    expect(recent(beside[0])).toBe(true);
  });

  it('gives a timer the work started the system clock back once the work is over', async () => {
    const later: Promise<Date>[] = [];
    await clock.at(PAST, async () => {
      later.push(new Promise((read) => setTimeout(() => read(clock.now()), 5)));
    });
    expect(recent(await later[0])).toBe(true);
  });

  it('ends the trip when the work fails', async () => {
    await expect(clock.at(PAST, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(recent(clock.now())).toBe(true);
  });
});
