import { formatChinaTime, NotificationFacts, renderNotification } from './notification-templates';

const station = {
  name: '深圳南山维修站',
  phone: '0755-12345678',
  address: {
    province: '广东省',
    city: '深圳市',
    district: '南山区',
    street: '科技园路1号',
    postalCode: '518000',
    location: null,
  },
};

describe(renderNotification.name, () => {
  it('tells the customer the ticket number when the ticket is received, in Chinese then English', () => {
    const { subject, text } = renderNotification(
      { kind: 'ticket-received', ticketNumber: 'T-20261124-000123' },
      'email',
    );
    expect(subject).toContain('T-20261124-000123');
    expect(text).toMatch(/已收到.*T-20261124-000123[\s\S]*received.*T-20261124-000123/);
  });

  it('gives the assigned station’s name, address and phone', () => {
    const { text } = renderNotification({ kind: 'station-assigned', ticketNumber: 'T-1', station }, 'sms');
    expect(text).toContain('深圳南山维修站');
    expect(text).toContain('广东省深圳市南山区科技园路1号');
    expect(text).toContain('0755-12345678');
  });

  it('says the address and phone will follow when the station has none on file', () => {
    const nowhere = {
      province: null,
      city: null,
      district: null,
      street: null,
      postalCode: null,
      location: null,
    };
    const bare = { ...station, phone: null, address: nowhere };
    const { text } = renderNotification(
      { kind: 'station-assigned', ticketNumber: 'T-1', station: bare },
      'sms',
    );
    expect(text).toContain('address to follow');
    expect(text).toContain('phone to follow');
  });

  it('gives the proposed appointment in Beijing time', () => {
    const facts: NotificationFacts = {
      kind: 'appointment-proposed',
      ticketNumber: 'T-1',
      stationName: station.name,
      appointmentAt: '2026-11-25T02:00:00.000Z',
    };
    expect(renderNotification(facts, 'email').text).toContain('2026-11-25 10:00');
  });

  it('carries the survey link after resolution', () => {
    const surveyUrl = 'https://crm.example/survey/abc';
    const { text } = renderNotification({ kind: 'survey', ticketNumber: 'T-1', surveyUrl }, 'sms');
    expect(text).toContain(surveyUrl);
  });

  it('sends SMS without a subject, signed, and email with one', () => {
    const facts: NotificationFacts = { kind: 'ticket-received', ticketNumber: 'T-1' };
    expect(renderNotification(facts, 'sms')).toMatchObject({
      subject: null,
      text: expect.stringMatching(/^【/),
    });
    expect(renderNotification(facts, 'email').subject).toEqual(expect.any(String));
  });
});

describe(formatChinaTime.name, () => {
  it('shows UTC+8 wall-clock time, crossing midnight', () => {
    expect(formatChinaTime('2026-11-24T18:30:00Z')).toBe('2026-11-25 02:30');
  });
});
