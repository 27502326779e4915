import { Station } from '../stations/station';
import { NotificationChannel, NotificationKinds } from './notification';

/** What each message says, ready to render; display formatting happens here and nowhere else. */
export type NotificationFacts =
  | { kind: typeof NotificationKinds.ticketReceived; ticketNumber: string }
  | {
      kind: typeof NotificationKinds.stationAssigned;
      ticketNumber: string;
      station: Pick<Station, 'name' | 'address' | 'phone'>;
    }
  | {
      kind: typeof NotificationKinds.appointmentProposed;
      ticketNumber: string;
      stationName: string | null;
      appointmentAt: string;
    }
  | { kind: typeof NotificationKinds.survey; ticketNumber: string; surveyUrl: string };

export interface RenderedMessage {
  /** Null for SMS. */
  subject: string | null;
  text: string;
}

interface Template<F> {
  subject: (facts: F) => string;
  zh: (facts: F) => string;
  en: (facts: F) => string;
}

type FactsOf<K> = Extract<NotificationFacts, { kind: K }>;
type Templates = { [K in NotificationFacts['kind']]: Template<FactsOf<K>> };

const SMS_SIGNATURE = '【CRM客服】';
const CHINA_OFFSET_MS = 8 * 3_600_000;

const TEMPLATES: Templates = {
  'ticket-received': {
    subject: (f) => `您的服务工单 ${f.ticketNumber} 已受理 / Ticket ${f.ticketNumber} received`,
    zh: (f) => `您好，我们已收到您的问题，工单号 ${f.ticketNumber}。我们正在为您安排最近的维修站。`,
    en: (f) =>
      `We have received your request: ticket ${f.ticketNumber}. We are finding the nearest repair station.`,
  },
  'station-assigned': {
    subject: (f) => `工单 ${f.ticketNumber} 已分配维修站 / Repair station assigned`,
    zh: (f) =>
      `您的工单 ${f.ticketNumber} 已分配给 ${f.station.name}，地址：${formatAddress(f.station.address) ?? '请致电维修站'}，` +
      `电话：${f.station.phone ?? '稍后告知'}。维修站将与您联系。`,
    en: (f) =>
      `Ticket ${f.ticketNumber} is with ${f.station.name}, ${formatAddress(f.station.address) ?? 'address to follow'}, ` +
      `phone ${f.station.phone ?? 'to follow'}. The station will contact you.`,
  },
  'appointment-proposed': {
    subject: (f) => `工单 ${f.ticketNumber} 预约时间 / Appointment proposed`,
    zh: (f) =>
      `${f.stationName ?? '维修站'}建议您于 ${formatChinaTime(f.appointmentAt)}（北京时间）送车检修，工单号 ${f.ticketNumber}。`,
    en: (f) =>
      `${f.stationName ?? 'The station'} proposes ${formatChinaTime(f.appointmentAt)} (Beijing time) ` +
      `to bring in your vehicle, ticket ${f.ticketNumber}.`,
  },
  survey: {
    subject: (f) => `工单 ${f.ticketNumber} 满意度调查 / How did we do?`,
    zh: (f) => `您的工单 ${f.ticketNumber} 已处理完毕。请为我们的服务打分：${f.surveyUrl}`,
    en: (f) => `Ticket ${f.ticketNumber} is resolved. Please rate our service: ${f.surveyUrl}`,
  },
};

/** Chinese first, English after it for readers without Chinese; SMS in one short message, email with a subject. */
export function renderNotification(facts: NotificationFacts, channel: NotificationChannel): RenderedMessage {
  const template = TEMPLATES[facts.kind] as Template<NotificationFacts>;
  const [zh, en] = [template.zh(facts), template.en(facts)];
  if (channel === 'sms') return { subject: null, text: `${SMS_SIGNATURE}${zh} ${en}` };
  return { subject: template.subject(facts), text: `${zh}\n\n${en}\n\n-- CRM 客户服务 / Customer service` };
}

/** `2026-11-25 10:00`: China keeps one offset all year, so no time-zone database is needed. */
export function formatChinaTime(iso: string): string {
  return new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function formatAddress(address: Station['address']): string | null {
  const parts = [address.province, address.city, address.district, address.street].filter(Boolean);
  return parts.length > 0 ? parts.join('') : null;
}
