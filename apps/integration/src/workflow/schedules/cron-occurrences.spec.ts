import { MAX_CATCH_UP, occurrencesBetween } from './cron-occurrences';

const at = (iso: string) => new Date(iso);

describe(occurrencesBetween.name, () => {
  it('owes every time after the cursor up to now, oldest first', () => {
    expect(
      occurrencesBetween('*/15 * * * *', 'UTC', at('2026-11-30T10:00:00Z'), at('2026-11-30T10:50:00Z')),
    ).toEqual([at('2026-11-30T10:15:00Z'), at('2026-11-30T10:30:00Z'), at('2026-11-30T10:45:00Z')]);
  });

  it('counts a time exactly at now and never the cursor itself', () => {
    expect(
      occurrencesBetween('0 * * * *', 'UTC', at('2026-11-30T10:00:00Z'), at('2026-11-30T11:00:00Z')),
    ).toEqual([at('2026-11-30T11:00:00Z')]);
    expect(
      occurrencesBetween('0 * * * *', 'UTC', at('2026-11-30T11:00:00Z'), at('2026-11-30T11:00:00Z')),
    ).toEqual([]);
  });

  it('reads the cron in the rule’s time zone', () => {
    expect(
      occurrencesBetween(
        '0 8 * * *',
        'Asia/Shanghai',
        at('2026-11-29T12:00:00Z'),
        at('2026-11-30T12:00:00Z'),
      ),
    ).toEqual([at('2026-11-30T00:00:00Z')]);
  });

  it('catches up only the latest times after a long outage', () => {
    const owed = occurrencesBetween(
      '* * * * *',
      'UTC',
      at('2026-11-01T00:00:00Z'),
      at('2026-11-30T00:00:00Z'),
    );
    expect(owed).toHaveLength(MAX_CATCH_UP);
    expect(owed[owed.length - 1]).toEqual(at('2026-11-30T00:00:00Z'));
  });
});
