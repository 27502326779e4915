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

  it.each(['12345', 'not a phone', '138001380001234'])('rejects %s', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('strips the country code from partial search input', () => {
    expect(phoneSearchDigits('+86 138 0013')).toBe('1380013');
    expect(phoneSearchDigits('8000')).toBe('8000');
  });
});
