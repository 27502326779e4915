import { Module } from '@nestjs/common';
import { WebhookSender, WebhookTargetPolicy, webhookProviders, WebhookTargetSettings } from '@crm/webhooks';
import { SERVICE_SETTINGS, ServiceSettings } from '../service-settings';

function stationWebhookTargets(settings: ServiceSettings): WebhookTargetSettings {
  return {
    allowHttp: settings.webhookAllowHttp,
    allowPrivateTargets: settings.webhookAllowPrivateTargets,
    deniedHosts: settings.webhookDeniedHosts,
  };
}

/** The SSRF guard and the signed sender (libs/webhooks), shared by webhook registration (stations) and the dispatcher. */
@Module({
  providers: webhookProviders({ inject: [SERVICE_SETTINGS], useFactory: stationWebhookTargets }),
  exports: [WebhookTargetPolicy, WebhookSender],
})
export class WebhookTargetsModule {}
