import { randomUUID } from 'node:crypto';
import { CustomerRegistered } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { ServiceHarness } from './service.harness';

export const KM = 1 / 111.2;
export const HOME = { lat: 23.13, lon: 113.32 };
export const STATION = {
  name: '广州天河维修站',
  phone: '020-88888888',
  address: {
    province: '广东省',
    city: '广州市',
    district: '天河区',
    street: '天河路100号',
    postalCode: '510000',
    location: null,
  },
};

export type Channel = 'email' | 'sms' | 'phone';
export interface Notification {
  notificationId: string;
  kind: string;
  channel: string;
  status: string;
  skipReason: string | null;
  recipient: string | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  history: { error: string | null }[];
}

/** A customer in the replica, fed by a real customer event; consents are for the channels listed. */
export async function registerCustomer(
  harness: ServiceHarness,
  consents: Channel[],
  withdrawn: Channel[] = [],
) {
  const customerId = randomUUID();
  const email = `c${customerId.slice(0, 8)}@example.cn`;
  const phone = `+86138${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const at = '2026-01-01T00:00:00.000Z';
  await harness.publish(CustomerRegistered, customerId, {
    customerId,
    kind: 'person',
    name: '李雷',
    namePinyin: 'li lei',
    phones: [phone],
    emails: [email],
    address: null,
    birthday: null,
    gender: null,
    tags: [],
    ownerSalesRepId: null,
    consents: [
      ...consents.map((channel) => ({ channel, granted: true, at, source: 'call-center' })),
      ...withdrawn.map((channel) => ({ channel, granted: false, at, source: 'call-center' })),
    ],
  });
  await eventually(async () => {
    const rows = await harness.query(`SELECT 1 FROM service.customer_contact WHERE customer_id = $1`, [
      customerId,
    ]);
    expect(rows).toHaveLength(1);
  });
  return { customerId, email, phone };
}
