import { parseQuietHours, quietUntil } from './quiet-hours';

const NIGHT = parseQuietHours('21:00-08:00');
const SHANGHAI = 'Asia/Shanghai';
/** A wall-clock time in Shanghai (UTC+8, no daylight saving) as an instant. */
const shanghai = (local: string) => new Date(`${local}+08:00`);

describe(quietUntil.name, () => {
  it.each([
    ['2026-12-01T20:59:59.999', null],
    ['2026-12-01T21:00:00.000', '2026-12-02T08:00:00.000'],
    ['2026-12-01T22:00:00.000', '2026-12-02T08:00:00.000'],
    ['2026-12-01T23:59:30.000', '2026-12-02T08:00:00.000'],
    ['2026-12-02T00:00:00.000', '2026-12-02T08:00:00.000'],
    ['2026-12-02T07:59:59.999', '2026-12-02T08:00:00.000'],
    ['2026-12-02T08:00:00.000', null],
    ['2026-12-02T12:00:00.000', null],
  ])('at %s Shanghai time defers to %s', (local, until) => {
    expect(quietUntil(NIGHT, shanghai(local), SHANGHAI)).toEqual(until ? shanghai(until) : null);
  });

  it("reads the clock in the customer's time zone, not the server's", () => {
    const tenPmInShanghai = new Date('2026-12-01T14:00:00.000Z');
    expect(quietUntil(NIGHT, tenPmInShanghai, SHANGHAI)).toEqual(new Date('2026-12-02T00:00:00.000Z'));
    expect(quietUntil(NIGHT, tenPmInShanghai, 'Europe/London')).toBeNull();
  });

  it('takes a window within one day too', () => {
    const lunch = parseQuietHours('12:00-13:30');
    expect(quietUntil(lunch, shanghai('2026-12-01T12:45:00.000'), SHANGHAI)).toEqual(
      shanghai('2026-12-01T13:30:00.000'),
    );
    expect(quietUntil(lunch, shanghai('2026-12-01T13:30:00.000'), SHANGHAI)).toBeNull();
  });
});
