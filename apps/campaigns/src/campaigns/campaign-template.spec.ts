import { InvalidInputError } from '@crm/core';
import { CompiledTemplate, parseCampaignTemplate, pickLanguage } from './campaign-template';

const zh = {
  subject: '{{name}}，您好',
  body: '{{#if model}}您的{{model}}{{else}}您的爱车{{/if}} <{{city}}>',
};
const en = { subject: 'Hello {{name}}', body: 'Your {{model}}' };

function fieldsOf(value: unknown): string[] {
  try {
    parseCampaignTemplate(value);
  } catch (error) {
    return (error as InvalidInputError).errors.map((e) => e.field);
  }
  return [];
}

describe(parseCampaignTemplate.name, () => {
  it('accepts Chinese alone or with English, over the personalisation fields', () => {
    expect(parseCampaignTemplate({ 'zh-CN': zh })).toEqual({ 'zh-CN': zh });
    expect(parseCampaignTemplate({ 'zh-CN': zh, en })).toEqual({ 'zh-CN': zh, en });
  });

  it('names the text holding an unknown variable, a partial, a helper or a syntax error', () => {
    expect(fieldsOf({ 'zh-CN': { subject: '{{phone}}', body: 'x' } })).toEqual(['template.zh-CN.subject']);
    expect(fieldsOf({ 'zh-CN': zh, en: { subject: 'x', body: '{{> footer}}' } })).toEqual([
      'template.en.body',
    ]);
    expect(fieldsOf({ 'zh-CN': { subject: 'x', body: '{{#each name}}x{{/each}}' } })).toEqual([
      'template.zh-CN.body',
    ]);
    expect(fieldsOf({ 'zh-CN': { subject: '{{name', body: 'x' } })).toEqual(['template.zh-CN.subject']);
  });

  it('names a missing Chinese variant, an unknown language and an empty text', () => {
    expect(fieldsOf({ en })).toEqual(['template.zh-CN']);
    expect(fieldsOf({ 'zh-CN': zh, fr: en })).toEqual(['template.fr']);
    expect(fieldsOf({ 'zh-CN': { subject: ' ', body: 'x' } })).toEqual(['template.zh-CN.subject']);
  });
});

describe(CompiledTemplate.name, () => {
  const personalisation = { name: '王芳', model: null, city: '上海<市>', unsubscribeUrl: 'https://x/u/t' };

  it('renders plain text: nothing HTML-escaped, an absent model taking the else branch', () => {
    expect(new CompiledTemplate({ 'zh-CN': zh }).render(null, personalisation)).toEqual({
      subject: '王芳，您好',
      body: '您的爱车 <上海<市>>',
    });
  });

  it('picks English only for an English reader when the template has it, Chinese otherwise', () => {
    expect(pickLanguage({ 'zh-CN': zh, en }, 'en-GB')).toBe('en');
    expect(pickLanguage({ 'zh-CN': zh }, 'en')).toBe('zh-CN');
    expect(pickLanguage({ 'zh-CN': zh, en }, null)).toBe('zh-CN');
  });
});
