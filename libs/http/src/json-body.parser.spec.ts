import { jsonDepth } from './json-body.parser';

const depthOf = (text: string) => jsonDepth(Buffer.from(text));

describe(jsonDepth.name, () => {
  it('counts objects and arrays nested in each other', () => {
    expect(depthOf('1')).toBe(0);
    expect(depthOf('{"a":[1,{"b":2}]}')).toBe(3);
    expect(depthOf('[[],[[]]]')).toBe(3);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(depthOf('{"a":"[[[{{{","b":"\\"[[["}')).toBe(1);
    expect(depthOf('["\\\\",[1]]')).toBe(2);
  });

  it('reads non-ASCII text without miscounting', () => {
    expect(depthOf('{"名字":"张三[","x":[{}]}')).toBe(3);
  });

  it('stops scanning once the limit is passed, however deep the rest goes', () => {
    expect(jsonDepth(Buffer.from('['.repeat(1_000_000)), 32)).toBe(33);
  });
});
