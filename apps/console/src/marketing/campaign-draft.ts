import type { Channel, HolidayKey, NewCampaign, Objective } from './marketing-queries';
import { PLACEHOLDERS } from './template-preview';

export type Placeholder = (typeof PLACEHOLDERS)[number];
export type When = 'now' | 'at' | 'recurring' | 'triggered';
export const TRIGGERS = ['birthday', 'purchase-anniversary', 'service-due', 'holiday'] as const;
export type TriggerKind = (typeof TRIGGERS)[number];
/** What an SMS provider template parameter is filled with (no free text in an approved SMS template). */
export const SMS_SOURCES = ['name', 'model', 'city'] as const;

export interface MessageText {
  subject: string;
  body: string;
}

export interface SmsParam {
  key: number;
  name: string;
  source: (typeof SMS_SOURCES)[number];
}

/** Everything the wizard asks, across its steps. */
export interface CampaignDraft {
  name: string;
  segmentId?: string;
  channel: Channel;
  objective: Objective;
  email: { 'zh-CN': MessageText; en: MessageText };
  sms: { providerTemplateId: string; params: SmsParam[] };
  when: When;
  /** A `datetime-local` value, the browser's time. */
  sendAt: string;
  cron: string;
  trigger: TriggerKind;
  holiday: HolidayKey;
  daysBefore: number;
  years?: number;
  months: number;
  holdoutPercent: number;
  attributionDays: number;
}

export const EMPTY_DRAFT: CampaignDraft = {
  name: '',
  channel: 'email',
  objective: 'service-reminder',
  email: { 'zh-CN': { subject: '', body: '' }, en: { subject: '', body: '' } },
  sms: { providerTemplateId: '', params: [{ key: 1, name: 'name', source: 'name' }] },
  when: 'now',
  sendAt: '',
  cron: '0 10 * * 1',
  trigger: 'birthday',
  holiday: 'mid-autumn',
  daysBefore: 3,
  months: 6,
  holdoutPercent: 10,
  attributionDays: 30,
};

/** The create request and the send time of a draft; the service validates it and names any bad field. */
export function toLaunch(draft: CampaignDraft): { campaign: NewCampaign; sendAt?: string } {
  const campaign: NewCampaign = {
    name: draft.name.trim(),
    segmentId: draft.segmentId ?? '',
    channel: draft.channel,
    objective: draft.objective,
    template: draft.channel === 'email' ? emailTemplate(draft) : smsTemplate(draft),
    holdoutPercent: draft.holdoutPercent,
    attributionDays: draft.attributionDays,
    ...(scheduleOf(draft) && { schedule: scheduleOf(draft) }),
  };
  const sendAt = draft.when === 'at' && draft.sendAt ? new Date(draft.sendAt).toISOString() : undefined;
  return { campaign, sendAt };
}

function emailTemplate({ email }: CampaignDraft): NewCampaign['template'] {
  const english = email.en.subject.trim() && email.en.body.trim();
  return { 'zh-CN': email['zh-CN'], ...(english && { en: email.en }) };
}

function smsTemplate({ sms }: CampaignDraft): NewCampaign['template'] {
  return {
    providerTemplateId: sms.providerTemplateId.trim(),
    params: Object.fromEntries(sms.params.map((param) => [param.name.trim(), param.source])),
  };
}

function scheduleOf(draft: CampaignDraft): NewCampaign['schedule'] | undefined {
  if (draft.when === 'recurring') return { kind: 'recurring', cron: draft.cron.trim() };
  if (draft.when !== 'triggered') return undefined;
  const trigger = {
    birthday: { kind: 'birthday' },
    'purchase-anniversary': { kind: 'purchase-anniversary', ...(draft.years && { years: draft.years }) },
    'service-due': { kind: 'service-due', months: draft.months },
    holiday: { kind: 'holiday', holiday: draft.holiday, daysBefore: draft.daysBefore },
  }[draft.trigger];
  return { kind: 'triggered', trigger };
}
