import { CustomerContact } from '../customers/customer-contact';
import { planRecipient } from './recipient-rules';

const contact = (overrides: Partial<CustomerContact> = {}): CustomerContact => ({
  customerId: 'c-1',
  name: '李雷',
  phones: ['+8613800138000'],
  emails: ['li.lei@example.cn'],
  consentedChannels: ['email', 'sms'],
  ...overrides,
});

describe(planRecipient.name, () => {
  it('sends email to the first address when the customer agreed to email', () => {
    expect(planRecipient(contact(), 'email')).toEqual({
      channel: 'email',
      recipient: 'li.lei@example.cn',
      skipReason: null,
    });
  });

  it('sends SMS to the first phone when the customer agreed to SMS', () => {
    expect(planRecipient(contact(), 'sms').recipient).toBe('+8613800138000');
  });

  it.each(['email', 'sms'] as const)(
    'skips %s without consent for it, whatever else was agreed',
    (channel) => {
      const other = channel === 'email' ? 'sms' : 'email';
      expect(planRecipient(contact({ consentedChannels: [other, 'phone'] }), channel)).toEqual({
        channel,
        recipient: null,
        skipReason: 'no consent',
      });
    },
  );

  it('skips a consented channel with no address on file', () => {
    expect(planRecipient(contact({ emails: [] }), 'email').skipReason).toBe('no address on file');
  });

  it('skips a customer the service app holds no contact details for (unknown or erased)', () => {
    expect(planRecipient(null, 'sms').skipReason).toBe('no contact details for the customer');
  });
});
