import { classifySearchQuery } from './search-query';

describe(classifySearchQuery.name, () => {
  it('reads a whole phone number in any format as its E.164 form and national digits', () => {
    expect(classifySearchQuery('+86 138-0013-8000')).toEqual({
      kind: 'phone',
      e164: '+8613800138000',
      digits: '13800138000',
      vinTail: null,
    });
  });

  it('also reads six to eight digits typed alone as the tail of a VIN', () => {
    expect(classifySearchQuery('123456')).toMatchObject({
      kind: 'phone',
      digits: '123456',
      vinTail: '123456',
    });
    expect(classifySearchQuery('12345678')).toMatchObject({ vinTail: '12345678' });
    expect(classifySearchQuery('12345')).toMatchObject({ vinTail: null });
    expect(classifySearchQuery('123456789')).toMatchObject({ vinTail: null });
  });

  it('reads part of a phone number as digits to match by prefix or contains', () => {
    expect(classifySearchQuery('138 0013')).toEqual({
      kind: 'phone',
      e164: null,
      digits: '1380013',
      vinTail: null,
    });
  });

  it('treats fewer than three digits as a name', () => {
    expect(classifySearchQuery('12').kind).toBe('name');
  });

  it('reads 17 VIN characters as an exact VIN, upper-cased', () => {
    expect(classifySearchQuery('lsvau2180n2123456')).toEqual({
      kind: 'vin',
      vin: 'LSVAU2180N2123456',
      exact: true,
    });
  });

  it('reads six or more letters and digits as a partial VIN', () => {
    expect(classifySearchQuery('N21234')).toEqual({ kind: 'vin', vin: 'N21234', exact: false });
  });

  it('reads letters without digits as a name, even when they fit VIN characters', () => {
    expect(classifySearchQuery('zhangsan').kind).toBe('name');
  });

  it('searches Chinese names by keys without fuzzy fallback', () => {
    expect(classifySearchQuery('张三')).toEqual({
      kind: 'name',
      text: '张三',
      keys: ['张三'],
      latin: 'zhang san',
      soundAlike: null,
      fuzzy: false,
    });
  });

  it('searches latin names by joined keys with fuzzy fallback', () => {
    expect(classifySearchQuery(' Zhang San ')).toEqual({
      kind: 'name',
      text: 'Zhang San',
      keys: ['zhangsan'],
      latin: 'zhang san',
      soundAlike: '~zansan',
      fuzzy: true,
    });
  });
});
