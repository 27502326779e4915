import { findUnsafeText, isUnsafeText } from './unsafe-text';

describe(isUnsafeText.name, () => {
  it('finds NUL characters and unpaired surrogates', () => {
    expect(isUnsafeText('a\u0000b')).toBe(true);
    expect(isUnsafeText('a\ud800')).toBe(true);
    expect(isUnsafeText('\udc00b')).toBe(true);
    expect(isUnsafeText('\udc00\ud800')).toBe(true);
  });

  it('accepts any well-formed text, astral characters included', () => {
    expect(isUnsafeText('张三 😀 \u00e9')).toBe(false);
  });
});

describe(findUnsafeText.name, () => {
  it('names each offending value by its dotted path, at any depth', () => {
    const errors = findUnsafeText({ name: 'ok', address: { lines: ['x', 'y\u0000'] }, tags: ['\ud800'] });
    expect(errors.map((error) => error.field).sort()).toEqual(['address.lines.1', 'tags.0']);
  });

  it('checks keys too, writing the bad characters as escapes', () => {
    expect(findUnsafeText({ address: { 'k\u0000': 1 } })).toEqual([
      { field: 'address.k\\u0000', message: expect.stringContaining('the key of address.k\\u0000') },
    ]);
  });

  it('prefixes a root name, as for a route parameter', () => {
    expect(findUnsafeText('a\u0000', 'id')).toEqual([{ field: 'id', message: expect.any(String) }]);
  });

  it('walks a very deep value without overflowing the call stack', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeText(deep)).toHaveLength(1);
  });
});
