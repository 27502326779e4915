import { CampaignChannel, CampaignChannels } from '@crm/contracts';
import { CampaignTemplate, parseCampaignTemplate, TemplateLanguages } from './campaign-template';
import { parseSmsTemplate, SmsTemplate } from './sms-template';

/** A campaign's message in its channel's form: Handlebars texts for email, a provider template for SMS. */
export type ChannelTemplate = CampaignTemplate | SmsTemplate;

/** The template of a request for the campaign's channel; a bad one is a 400 naming the field. */
export function parseTemplateFor(channel: CampaignChannel, value: unknown): ChannelTemplate {
  return channel === CampaignChannels.sms ? parseSmsTemplate(value) : parseCampaignTemplate(value);
}

/** An email campaign's texts (an SMS template names the provider's template instead). */
export function isEmailTemplate(template: ChannelTemplate): template is CampaignTemplate {
  return TemplateLanguages.zhCN in template;
}
