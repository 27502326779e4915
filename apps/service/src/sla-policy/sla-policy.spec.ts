import { SlaPolicy } from './sla-policy';

describe(SlaPolicy.name, () => {
  const policy = new SlaPolicy();
  const openedAt = new Date('2026-11-24T02:00:00Z');

  it('gives a critical ticket a day to be resolved', () => {
    expect(policy.resolutionDue(openedAt, 'critical')).toEqual(new Date('2026-11-25T02:00:00Z'));
  });

  it('gives a low ticket longer than a high one', () => {
    expect(policy.resolutionDue(openedAt, 'low').getTime()).toBeGreaterThan(
      policy.resolutionDue(openedAt, 'high').getTime(),
    );
  });

  it('counts the response target in calendar hours for a station without opening hours', () => {
    expect(policy.responseDue(openedAt, 'high', [])).toEqual(new Date('2026-11-24T06:00:00Z'));
  });

  it('counts the response target only while the station is open', () => {
    // 2026-11-24 is a Tuesday; 09:00-18:00 Shanghai time is 01:00-10:00 UTC.
    const hours = [
      { day: 2, opens: '09:00', closes: '18:00' },
      { day: 3, opens: '09:00', closes: '18:00' },
    ];
    expect(policy.responseDue(new Date('2026-11-24T09:00:00Z'), 'high', hours)).toEqual(
      new Date('2026-11-25T04:00:00Z'),
    );
  });
});
