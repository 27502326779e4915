import { InvalidInputError } from '@crm/core';
import { parseCampaignSchedule } from './campaign-schedule';
import { dueOccurrence } from './occurrence';

const at = (iso: string) => new Date(iso);
const since = at('2026-01-01T00:00:00Z');

describe(dueOccurrence.name, () => {
  const monthly = parseCampaignSchedule({ kind: 'recurring', cron: '0 9 1 * *' });

  it('fires a monthly cron at 09:00 Shanghai time on the 1st, keyed by that time', () => {
    expect(dueOccurrence(monthly, at('2026-12-01T01:00:30Z'), since)).toEqual({
      key: '2026-12-01T01:00:00.000Z',
      day: '2026-12-01',
    });
    expect(dueOccurrence(monthly, at('2026-12-20T12:00:00Z'), since)?.key).toBe('2026-12-01T01:00:00.000Z');
    expect(dueOccurrence(monthly, at('2026-12-01T00:59:00Z'), since)?.key).toBe('2026-11-01T01:00:00.000Z');
  });

  it('does not fire a cron time from before the campaign was scheduled', () => {
    expect(dueOccurrence(monthly, at('2026-11-15T00:00:00Z'), at('2026-11-10T00:00:00Z'))).toBeNull();
  });

  it('keys a daily trigger by the Shanghai day, which starts at 16:00 UTC', () => {
    const birthday = parseCampaignSchedule({ kind: 'triggered', trigger: { kind: 'birthday' } });
    expect(dueOccurrence(birthday, at('2026-11-30T15:59:59Z'), since)?.key).toBe('birthday:2026-11-30');
    expect(dueOccurrence(birthday, at('2026-11-30T16:00:00Z'), since)?.key).toBe('birthday:2026-12-01');
  });

  it('fires a holiday trigger its days before, keyed by the holiday', () => {
    const midAutumn = parseCampaignSchedule({
      kind: 'triggered',
      trigger: { kind: 'holiday', holiday: 'mid-autumn', daysBefore: 3 },
    });
    expect(dueOccurrence(midAutumn, at('2027-09-12T02:00:00Z'), since)).toEqual({
      key: 'mid-autumn:2027-09-15',
      day: '2027-09-12',
    });
    expect(dueOccurrence(midAutumn, at('2027-09-13T02:00:00Z'), since)).toBeNull();
    expect(dueOccurrence(midAutumn, at('2027-09-15T02:00:00Z'), since)).toBeNull();
  });
});

describe(parseCampaignSchedule.name, () => {
  const fieldsOf = (value: unknown) => {
    try {
      parseCampaignSchedule(value);
    } catch (error) {
      return (error as InvalidInputError).errors.map((e) => e.field);
    }
    return [];
  };

  it('names the field at fault', () => {
    expect(fieldsOf({ kind: 'recurring', cron: 'every monday' })).toEqual(['schedule.cron']);
    expect(fieldsOf({ kind: 'recurring', cron: '61 * * * *' })).toEqual(['schedule.cron']);
    expect(fieldsOf({ kind: 'triggered', trigger: { kind: 'moon' } })).toEqual(['schedule.trigger.kind']);
    expect(fieldsOf({ kind: 'triggered', trigger: { kind: 'service-due' } })).toEqual([
      'schedule.trigger.months',
    ]);
    expect(fieldsOf({ kind: 'triggered', trigger: { kind: 'holiday', holiday: 'easter' } })).toEqual([
      'schedule.trigger.holiday',
    ]);
    expect(fieldsOf({ kind: 'weekly' })).toEqual(['schedule.kind']);
  });

  it('defaults a holiday to its own day', () => {
    expect(
      parseCampaignSchedule({ kind: 'triggered', trigger: { kind: 'holiday', holiday: 'qixi' } }),
    ).toEqual({
      kind: 'triggered',
      trigger: { kind: 'holiday', holiday: 'qixi', daysBefore: 0 },
    });
  });
});
