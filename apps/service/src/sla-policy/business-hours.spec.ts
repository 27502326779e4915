import { addBusinessHours } from './business-hours';

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, opens: '09:00', closes: '18:00' }));
/** Shanghai wall-clock time as a UTC instant. */
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe(addBusinessHours.name, () => {
  it('counts every hour when the station has no opening hours', () => {
    expect(addBusinessHours(shanghai('2026-11-24T22:00:00'), 4, [])).toEqual(shanghai('2026-11-25T02:00:00'));
  });

  it('counts within the same opening window', () => {
    expect(addBusinessHours(shanghai('2026-11-24T10:00:00'), 4, weekdays)).toEqual(
      shanghai('2026-11-24T14:00:00'),
    );
  });

  it('carries the rest over to the next opening', () => {
    expect(addBusinessHours(shanghai('2026-11-24T16:00:00'), 4, weekdays)).toEqual(
      shanghai('2026-11-25T11:00:00'),
    );
  });

  it('starts the clock at opening time when reported at night', () => {
    expect(addBusinessHours(shanghai('2026-11-24T23:30:00'), 1, weekdays)).toEqual(
      shanghai('2026-11-25T10:00:00'),
    );
  });

  it('skips the weekend', () => {
    // 2026-11-27 is a Friday.
    expect(addBusinessHours(shanghai('2026-11-27T17:00:00'), 2, weekdays)).toEqual(
      shanghai('2026-11-30T10:00:00'),
    );
  });

  it('uses several windows on one day (a lunch break)', () => {
    const split = [
      { day: 2, opens: '08:00', closes: '12:00' },
      { day: 2, opens: '13:00', closes: '17:00' },
    ];
    expect(addBusinessHours(shanghai('2026-11-24T11:00:00'), 2, split)).toEqual(
      shanghai('2026-11-24T14:00:00'),
    );
  });
});
