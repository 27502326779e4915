import { rewriteLinks, templateLinks } from './template-links';

const template = {
  'zh-CN': {
    subject: 's',
    body: '详情 https://a.example/x?id=1，门店 https://a.example/stores。再看 https://a.example/x?id=1',
  },
  en: { subject: 's', body: 'See https://a.example/en. Or {{unsubscribeUrl}}' },
};

describe(templateLinks.name, () => {
  it('numbers each link of the bodies once, ending a URL at Chinese text and sentence punctuation', () => {
    expect(templateLinks(template)).toEqual([
      'https://a.example/x?id=1',
      'https://a.example/stores',
      'https://a.example/en',
    ]);
  });
});

describe(rewriteLinks.name, () => {
  it('replaces only the template links, keeping what follows them and any other URL', () => {
    const links = templateLinks(template);
    const text = 'Go https://a.example/en. Leave https://other.example/u/1';
    expect(rewriteLinks(text, links, (i) => `T${i}`)).toBe('Go T2. Leave https://other.example/u/1');
  });
});
