import { documentTerms, isEmpty, queryTerms } from './catalog-search-terms';

describe('catalog search terms', () => {
  it('indexes Chinese as characters and pairs and keeps latin words apart', () => {
    expect(documentTerms('Aurora S7 长续航', null)).toEqual({
      cjk: '长 续 航 长续 续航',
      latin: 'aurora s7',
    });
  });

  it('queries a lone character as itself and a longer run by its pairs', () => {
    expect(queryTerms('车')).toEqual({ cjk: '车', latin: '' });
    expect(queryTerms('续航里程 range')).toEqual({ cjk: '续航 航里 里程', latin: 'range' });
  });

  it('finds nothing to search for in punctuation', () => {
    expect(isEmpty(queryTerms('?!'))).toBe(true);
  });
});
