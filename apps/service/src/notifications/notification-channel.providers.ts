import { Provider } from '@nestjs/common';
import { HttpSmsGateway, SmsGateway } from '@crm/messaging';
import { SERVICE_SETTINGS, ServiceSettings } from '../service-settings';
import { DevMailbox } from './dev-mailbox';
import { DevMailboxRepository } from './dev-mailbox.repository';
import { EmailSender } from './email-sender';
import { SmtpEmailSender } from './smtp-email.sender';

/** Real servers when configured, the dev mailbox otherwise: chosen once, by configuration. */
export const notificationChannelProviders: Provider[] = [
  {
    provide: EmailSender,
    inject: [SERVICE_SETTINGS, DevMailboxRepository],
    useFactory: (settings: ServiceSettings, mailbox: DevMailboxRepository): EmailSender =>
      settings.smtpUrl
        ? new SmtpEmailSender(settings.smtpUrl, settings.smtpFrom)
        : new DevMailbox(mailbox, 'email'),
  },
  {
    provide: SmsGateway,
    inject: [SERVICE_SETTINGS, DevMailboxRepository],
    useFactory: (settings: ServiceSettings, mailbox: DevMailboxRepository): SmsGateway =>
      settings.smsGatewayUrl
        ? new HttpSmsGateway(settings.smsGatewayUrl, settings.smsGatewayKey ?? '')
        : new DevMailbox(mailbox, 'sms'),
  },
];
