import { loadConfig } from '@crm/config';
import { serviceConfigSchema, serviceSettingsFrom } from './service-settings';

describe('service configuration', () => {
  const servers = {
    DATABASE_URL: 'postgres://crm@db:5432/service',
    AUTH_JWKS_URL: 'http://identity:3000/auth/jwks',
    KAFKA_BROKERS: 'kafka:9092',
  };
  const load = (env: Record<string, string>) =>
    serviceSettingsFrom(loadConfig(serviceConfigSchema, { ...servers, ...env }));

  it('uses the dev mailbox when no SMTP server or SMS gateway is set', () => {
    expect(load({})).toMatchObject({ smtpUrl: null, smsGatewayUrl: null });
  });

  it('takes an SMTP URL with credentials and an SMS gateway with its key', () => {
    const settings = load({
      SMTP_URL: 'smtp://crm:secret@mail.example.cn:587',
      SMTP_FROM: 'CRM <service@example.cn>',
      SMS_GATEWAY_URL: 'https://sms.example.cn/send',
      SMS_GATEWAY_KEY: 'k',
    });
    expect(settings).toMatchObject({ smtpUrl: 'smtp://crm:secret@mail.example.cn:587', smsGatewayKey: 'k' });
  });

  it('refuses http and private webhook targets unless told otherwise (embedded default and tests only)', () => {
    expect(load({})).toMatchObject({
      webhookAllowHttp: false,
      webhookAllowPrivateTargets: false,
      webhookDeniedHosts: [],
    });
    expect(
      load({
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        WEBHOOK_DENIED_HOSTS: ' CRM.example.cn., [fd00::1] ,',
      }),
    ).toMatchObject({
      webhookAllowHttp: true,
      webhookAllowPrivateTargets: true,
      webhookDeniedHosts: ['crm.example.cn', 'fd00::1'],
    });
    expect(() => load({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'yes' })).toThrow('WEBHOOK_ALLOW_PRIVATE_TARGETS');
  });

  it('treats an empty optional variable as unset', () => {
    expect(load({ SMTP_URL: '', SMS_GATEWAY_URL: '' })).toMatchObject({ smtpUrl: null, smsGatewayUrl: null });
  });

  it('needs its servers named when deployed alone', () => {
    expect(() => serviceSettingsFrom(loadConfig(serviceConfigSchema, {}))).toThrow(/DATABASE_URL/);
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.cn' }, 'SMTP_URL'],
    [{ SMS_GATEWAY_URL: 'ftp://sms.example.cn' }, 'SMS_GATEWAY_URL'],
    [{ SMS_GATEWAY_URL: 'https://sms.example.cn/send' }, 'SMS_GATEWAY_KEY'],
  ])('names the variable that is wrong: %j', (env, variable) => {
    expect(() => load(env)).toThrow(variable);
  });
});
