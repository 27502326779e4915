import { InvalidInputError } from '@crm/core';
import { parseSmsTemplate, smsParams } from './sms-template';

const fieldsOf = (value: unknown): string[] => {
  try {
    parseSmsTemplate(value);
  } catch (error) {
    return (error as InvalidInputError).errors.map((e) => e.field);
  }
  return [];
};

describe(parseSmsTemplate.name, () => {
  it('takes a provider template id and named parameters filled from the replica', () => {
    const template = { providerTemplateId: 'SMS_2468', params: { name: 'name', car: 'model' } };
    expect(parseSmsTemplate(template)).toEqual(template);
  });

  it.each([
    [{ params: {} }, 'template.providerTemplateId'],
    [{ providerTemplateId: 'SMS_1', params: { car: 'mobile' } }, 'template.params.car'],
    [{ providerTemplateId: 'SMS_1', params: { '1car': 'model' } }, 'template.params.1car'],
    [{ providerTemplateId: 'SMS_1', params: {}, body: 'free text' }, 'template.body'],
  ])('refuses %j naming %s', (value, field) => {
    expect(fieldsOf(value)).toContain(field);
  });
});

describe(smsParams.name, () => {
  it('fills each parameter from its field, a missing one empty', () => {
    const template = { providerTemplateId: 'SMS_1', params: { who: 'name', car: 'model' } } as const;
    expect(smsParams(template, { name: '王芳', model: null, city: '上海市' })).toEqual({
      who: '王芳',
      car: '',
    });
  });
});
