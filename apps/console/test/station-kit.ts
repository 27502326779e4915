import { randomBytes } from 'node:crypto';
import { ConsoleUnderTest } from './console-under-test';

/** A ticket as the service app answers staff (`GET /tickets/{id}`). */
export interface StaffTicket {
  ticketId: string;
  ticketNumber: string;
  customerId: string;
  status: string;
  stationId: string | null;
  appointmentAt: string | null;
  satisfaction: { score: number; comment: string | null } | null;
}

export interface DemoCustomer {
  id: string;
  name: string;
  emails: string[];
  consents: { channel: string; granted: boolean; at: string }[];
}

/** Polls `probe` until it gives a value (events reach read models a moment later); fails naming `what`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 60_000,
): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  throw new Error(`gave up waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** The HTTP status a login gets for a GET, for checking what a partner must not see. */
export async function statusOf(crm: ConsoleUnderTest, username: string, path: string): Promise<number> {
  const response = await fetch(`${crm.url}${path}`, {
    headers: { authorization: `Bearer ${await crm.token(username)}` },
  });
  return response.status;
}

/** A demo customer with a Chinese name who agreed to email (the survey link goes there). */
export async function chineseCustomerReachableByEmail(crm: ConsoleUnderTest): Promise<DemoCustomer> {
  const { items } = await crm.api<{ items: DemoCustomer[] }>('admin', '/customers?limit=100');
  const agreedToEmail = (customer: DemoCustomer) =>
    customer.consents
      .filter((consent) => consent.channel === 'email')
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0]?.granted === true;
  const customer = items.find(
    (candidate) =>
      /^\p{Script=Han}+$/u.test(candidate.name) && candidate.emails.length > 0 && agreedToEmail(candidate),
  );
  if (!customer) throw new Error('the demo has no Chinese-named customer who agreed to email');
  return customer;
}

/** Files a complaint about the customer's first vehicle as the agent does, through the call center's API. */
export async function fileComplaint(
  crm: ConsoleUnderTest,
  customerId: string,
  description: string,
): Promise<string> {
  const { items } = await crm.api<{ items: { vehicleId: string }[] }>(
    'admin',
    `/customers/${customerId}/vehicles`,
  );
  const { ticketId } = await crm.api<{ ticketId: string }>('agent', `/customers/${customerId}/complaints`, {
    method: 'POST',
    body: JSON.stringify({
      description,
      qualityType: 'brakes',
      channel: 'phone',
      vehicleId: items[0]?.vehicleId,
    }),
  });
  return ticketId;
}

/** The ticket once the service app has opened it and routed it to a station. */
export function routed(crm: ConsoleUnderTest, ticketId: string): Promise<StaffTicket> {
  return eventually(`ticket ${ticketId} to be routed`, async () => {
    const ticket = await crm.api<StaffTicket>('agent', `/tickets/${ticketId}`);
    return ticket.status === 'routed' && ticket.stationId ? ticket : undefined;
  });
}

/** The demo login of a station (`station.<city>.<first 4 of its id>`), if the demo made one. */
function demoStationLogin(crm: ConsoleUnderTest, stationId: string): string | undefined {
  return crm
    .logins()
    .find(({ username }) => username.startsWith('station.') && username.endsWith(`.${stationId.slice(0, 4)}`))
    ?.username;
}

/**
 * A login of the station: the demo's, or (the demo makes logins for its first stations only) one the admin makes
 * for it through the identity API.
 */
export async function stationLogin(crm: ConsoleUnderTest, stationId: string): Promise<string> {
  const demo = demoStationLogin(crm, stationId);
  if (demo) return demo;
  const login = {
    username: `station.e2e.${stationId.slice(0, 8)}.${randomBytes(3).toString('hex')}`,
    password: randomBytes(12).toString('base64url'),
    roles: 'repair_station',
  };
  await crm.api('admin', '/users', {
    method: 'POST',
    body: JSON.stringify({
      username: login.username,
      password: login.password,
      displayName: (await crm.api<{ name: string }>('admin', `/stations/${stationId}`)).name,
      roles: ['repair_station'],
      partnerId: stationId,
      partnerKind: 'repair_station',
    }),
  });
  crm.remember(login);
  return login.username;
}

/** A demo station's login other than the given station's. */
export function otherStationLogin(crm: ConsoleUnderTest, stationId: string): string {
  const other = crm
    .logins()
    .find(
      ({ username }) => username.startsWith('station.') && !username.endsWith(`.${stationId.slice(0, 4)}`),
    );
  if (!other) throw new Error('the demo has no other station login');
  return other.username;
}

/** The survey link the customer was emailed when their ticket was resolved (the dev mailbox keeps it). */
export function surveyLinkMailedTo(
  crm: ConsoleUnderTest,
  email: string,
  ticketNumber: string,
): Promise<string> {
  return eventually(`the survey email for ${ticketNumber}`, async () => {
    const { items } = await crm.api<{ items: { text: string }[] }>(
      'admin',
      `/dev/mailbox?channel=email&to=${encodeURIComponent(email)}&limit=50`,
    );
    const mail = items.find((item) => item.text.includes(ticketNumber) && item.text.includes('/survey/'));
    return mail ? /https?:\/\/\S+\/survey\/[\w-]+/.exec(mail.text)?.[0] : undefined;
  });
}
