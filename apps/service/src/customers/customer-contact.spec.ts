import { consentedChannels } from './customer-contact';

const consent = (channel: 'email' | 'sms' | 'phone', granted: boolean, at: string) => ({
  channel,
  granted,
  at,
  source: 'call-center',
});

describe(consentedChannels.name, () => {
  it('counts a channel the customer agreed to', () => {
    expect(consentedChannels([consent('email', true, '2026-01-01T00:00:00Z')])).toEqual(['email']);
  });

  it('treats a channel never asked about as no consent', () => {
    expect(consentedChannels([])).toEqual([]);
  });

  it('lets a later withdrawal beat an earlier grant, whatever the order of the list', () => {
    const withdrawn = consent('sms', false, '2026-03-01T00:00:00Z');
    const granted = consent('sms', true, '2026-01-01T00:00:00Z');
    expect(consentedChannels([withdrawn, granted])).toEqual([]);
    expect(consentedChannels([granted, withdrawn])).toEqual([]);
  });

  it('lets a later grant beat an earlier withdrawal', () => {
    const list = [
      consent('email', false, '2026-01-01T00:00:00Z'),
      consent('email', true, '2026-02-01T00:00:00Z'),
    ];
    expect(consentedChannels(list)).toEqual(['email']);
  });

  it('decides each channel on its own', () => {
    const list = [
      consent('email', true, '2026-01-01T00:00:00Z'),
      consent('sms', false, '2026-01-01T00:00:00Z'),
    ];
    expect(consentedChannels(list)).toEqual(['email']);
  });
});
