import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { PageQuery } from './page.dto';

const page = (query: Record<string, unknown>) => {
  const instance = plainToInstance(PageQuery, query);
  return { instance, errors: validateSync(instance).map((error) => error.property) };
};

describe('QueryNumber on PageQuery', () => {
  it('reads numbers from query text and keeps defaults for absent values', () => {
    expect(page({ limit: '5', offset: '10' })).toEqual({ instance: { limit: 5, offset: 10 }, errors: [] });
    expect(page({}).instance).toEqual({ limit: 20, offset: 0 });
  });

  it('refuses an empty value instead of reading it as 0', () => {
    expect(page({ offset: '' }).errors).toEqual(['offset']);
    expect(page({ limit: ' ' }).errors).toEqual(['limit']);
  });

  it('refuses text and repeated values', () => {
    expect(page({ offset: 'abc' }).errors).toEqual(['offset']);
    expect(page({ offset: ['1', '2'] }).errors).toEqual(['offset']);
    expect(page({ offset: '0x10' }).errors).toEqual(['offset']);
  });
});
