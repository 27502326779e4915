import { loadConfig } from '@crm/config';
import { campaignsConfigSchema } from './campaigns.config';
import { campaignsSettings } from './campaigns-settings';

describe('campaigns configuration of SMS, quiet hours and frequency caps', () => {
  const required = {
    DATABASE_URL: 'postgres://crm@db:5432/campaigns',
    AUTH_JWKS_URL: 'http://identity:3000/auth/jwks',
    KAFKA_BROKERS: 'kafka:9092',
    CAMPAIGNS_UNSUBSCRIBE_SECRET: 'x'.repeat(32),
  };
  const load = (env: Record<string, string>) =>
    campaignsSettings(loadConfig(campaignsConfigSchema, { ...required, ...env }));

  it('restricts SMS to 08:00-21:00 Shanghai time and two per seven days by default, email neither', () => {
    expect(load({})).toMatchObject({
      smsGatewayUrl: null,
      timeZone: 'Asia/Shanghai',
      quietHours: { sms: { startMinute: 21 * 60, endMinute: 8 * 60 }, email: null },
      frequencyCaps: { sms: { messages: 2, windowDays: 7 }, email: null },
    });
  });

  it('takes another window, a cap for email, and off', () => {
    expect(
      load({
        CAMPAIGNS_SMS_QUIET_HOURS: 'off',
        CAMPAIGNS_EMAIL_QUIET_HOURS: '22:30-07:15',
        CAMPAIGNS_SMS_FREQUENCY_CAP: 'off',
        CAMPAIGNS_EMAIL_FREQUENCY_CAP: '4/30d',
        CAMPAIGNS_TIME_ZONE: 'Asia/Urumqi',
      }),
    ).toMatchObject({
      timeZone: 'Asia/Urumqi',
      quietHours: { sms: null, email: { startMinute: 22 * 60 + 30, endMinute: 7 * 60 + 15 } },
      frequencyCaps: { sms: null, email: { messages: 4, windowDays: 30 } },
    });
  });

  it.each([
    [{ CAMPAIGNS_SMS_QUIET_HOURS: '21-8' }, 'CAMPAIGNS_SMS_QUIET_HOURS'],
    [{ CAMPAIGNS_SMS_QUIET_HOURS: '24:00-08:00' }, 'CAMPAIGNS_SMS_QUIET_HOURS'],
    [{ CAMPAIGNS_SMS_FREQUENCY_CAP: '2 per week' }, 'CAMPAIGNS_SMS_FREQUENCY_CAP'],
    [{ CAMPAIGNS_TIME_ZONE: 'Mars/Olympus' }, 'CAMPAIGNS_TIME_ZONE'],
    [{ CAMPAIGNS_SMS_GATEWAY_URL: 'https://sms.example.cn/send' }, 'CAMPAIGNS_SMS_GATEWAY_KEY'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => load(env)).toThrow(name);
  });
});
