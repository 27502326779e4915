import { normalizePhone, phoneSearchDigits } from './phone-number';

describe('normalizePhone', () => {
  it.each(['138 0013 8000', '+86 13800138000', '0086-138-0013-8000', '13800138000'])(
    'normalizes %s',
    (input) => {
      expect(normalizePhone(input)).toEqual({ e164: '+8613800138000', digits: '13800138000' });
    },
  );

  it('keeps foreign numbers in their own country', () => {
    expect(normalizePhone('+49 30 901820')?.e164).toBe('+4930901820');
  });

  // Recent answers are kept under a number's E.164 form too, which holds only if that form normalizes to itself:
  // each E.164 form is asked first here, before any other spelling of its number, so it is parsed afresh.
  it.each([
    ['+8613900139007', '139 0013 9007'],
    ['+8613900139008', '0086-139-0013-9008'],
    ['+4930901821', '+49 30 901821'],
    ['+390612345678', '0039 06 1234 5678'],
  ])('normalizes the E.164 form %s to itself, as %s', (e164, other) => {
    const first = normalizePhone(e164);
    expect(first?.e164).toBe(e164);
    expect(normalizePhone(other)).toEqual(first);
  });

  it.each(['12345', 'not a phone', '138001380001234'])('rejects %s', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('strips the country code from partial search input', () => {
    expect(phoneSearchDigits('+86 138 0013')).toBe('1380013');
    expect(phoneSearchDigits('8000')).toBe('8000');
  });
});
