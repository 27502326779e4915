import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PartnerKind, Role, Roles } from '@crm/contracts';
import { CustomerService, PartnerService, VehicleService, withCheckDigit } from '@crm/app-customer-master';
import { UsersService } from '@crm/app-identity';
import { CallCenterDemoSeeder } from '@crm/app-call-center';
import { SalesDemoSeeder, SalesDemoTeam } from '@crm/app-sales';
import { ServiceDemoSeeder } from '@crm/app-service';
import { CampaignsDemoSeeder } from '@crm/app-campaigns';
import {
  BRANDS,
  DEMO_CITIES,
  DemoCity,
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  GIVEN_NAME_CHARACTERS,
  PAST_COMPLAINTS,
  SeededRandom,
  STATION_SKILL_SETS,
  SURNAMES,
} from './demo-data';
import { DemoHistorySeeder, HistoryVehicle } from './demo-history.seeder';

export const DEMO_SEED_OPTIONS = Symbol('DEMO_SEED_OPTIONS');

/** The demo call-center agent's display name: the 360 names who took each call. */
const DEMO_AGENT_NAME = '王丽';

export interface DemoSeedOptions {
  /** DEMO_SEED: seed on first start (and be ready only once it has). */
  enabled: boolean;
  customers: number;
  dataDir: string;
}

export interface DemoLogin {
  username: string;
  password: string;
  roles: string;
}

type SeededCustomer = HistoryVehicle;

interface SeededPartner {
  id: string;
  kind: PartnerKind;
  city: DemoCity;
}

/** The sales team: a director, two managers (east, west) and three reps under each. */
const SALES_TEAM = {
  director: { username: 'sales.director', name: '张总监' },
  managers: [
    {
      manager: { username: 'sales.manager', name: '李经理（华东）' },
      reps: [
        { username: 'sales.rep', name: '王芳' },
        { username: 'sales.rep2', name: '赵磊' },
        { username: 'sales.rep3', name: 'Grace Wu' },
      ],
    },
    {
      manager: { username: 'sales.manager.west', name: '陈经理（西南）' },
      reps: [
        { username: 'sales.rep4', name: '刘洋' },
        { username: 'sales.rep5', name: '孙婷' },
        { username: 'sales.rep6', name: 'Kevin Zhou' },
      ],
    },
  ],
};

const STAFF_LOGINS: { username: string; roles: Role[]; name?: string }[] = [
  { username: 'admin', roles: [Roles.admin] },
  { username: 'agent', roles: [Roles.agent], name: DEMO_AGENT_NAME },
  { ...SALES_TEAM.director, roles: [Roles.salesManager] },
  ...SALES_TEAM.managers.flatMap(({ manager, reps }) => [
    { ...manager, roles: [Roles.salesManager] },
    ...reps.map((rep) => ({ ...rep, roles: [Roles.salesRep] })),
  ]),
  { username: 'marketer', roles: [Roles.marketer] },
  { username: 'analyst', roles: [Roles.analyst] },
  { username: 'service.manager', roles: [Roles.serviceManager] },
];

/**
 * Seeds the embedded default on its first start: dealers and repair stations in real Chinese
 * cities, customers with Chinese and English names, emails, consents and their vehicles, a login per
 * role, and past tickets that went through the whole lifecycle (routed, accepted, repaired, rated), then the past
 * years of sales and complaints (DemoHistorySeeder).
 * Passwords are generated, printed and kept in the data folder, never in the repository.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);
  private readonly random = new SeededRandom(20261123);

  constructor(
    @Inject(DEMO_SEED_OPTIONS) private readonly options: DemoSeedOptions,
    private readonly dataSource: DataSource,
    private readonly partners: PartnerService,
    private readonly customers: CustomerService,
    private readonly vehicles: VehicleService,
    private readonly users: UsersService,
    private readonly sales: SalesDemoSeeder,
    private readonly service: ServiceDemoSeeder,
    private readonly callCenter: CallCenterDemoSeeder,
    private readonly campaigns: CampaignsDemoSeeder,
    private readonly history: DemoHistorySeeder,
  ) {}

  async seedOnce(): Promise<DemoLogin[]> {
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM customer_master.partner`,
    );
    if (count > 0) return this.savedLogins();
    this.logger.log('First start: seeding demo data');
    const partners = await this.seedPartners();
    const customers = await this.seedCustomers(partners.filter((p) => p.kind === 'dealer'));
    const { logins, userIds, partnerUserIds } = await this.seedLogins(partners);
    const team = this.salesTeam(userIds);
    const customerIds = customers.map((c) => c.customerId);
    const trims = await this.sales.seed(team, customerIds);
    await this.history.seedSales(team, customerIds, trims);
    const agentUserId = userIds.get('agent') as string;
    await this.seedPastTickets(customers, agentUserId, partnerUserIds);
    const complaints = await this.history.seedComplaints(
      this.historyVehicles(customers),
      { id: agentUserId, name: DEMO_AGENT_NAME },
      partnerUserIds,
    );
    await this.campaigns.seed(userIds.get('marketer') as string);
    await this.history.checkQuality(complaints);
    this.saveLogins(logins);
    return logins;
  }

  private async seedPartners(): Promise<SeededPartner[]> {
    const seeded: SeededPartner[] = [];
    for (const [i, city] of DEMO_CITIES.entries()) {
      const dealer = await this.partners.register({
        kind: 'dealer',
        code: `D-${city.code}-01`,
        name: `${city.city.replace('市', '')}星辰汽车销售服务有限公司`,
        location: { lat: city.lat, lon: city.lon },
        address: { province: city.province, city: city.city, location: { lat: city.lat, lon: city.lon } },
        brands: BRANDS.map((b) => b.brand),
      });
      seeded.push({ id: dealer.partnerId, kind: 'dealer', city });
      for (const n of [1, 2]) {
        const at = {
          lat: city.lat + (this.random.next() - 0.5) * 0.2,
          lon: city.lon + (this.random.next() - 0.5) * 0.2,
        };
        const station = await this.partners.register({
          kind: 'repair_station',
          code: `RS-${city.code}-0${n}`,
          name: `${city.city.replace('市', '')}第${n === 1 ? '一' : '二'}维修站`,
          phone: `+86 400 800 ${String(1000 + i * 2 + n)}`,
          location: at,
          address: { province: city.province, city: city.city, location: at },
          brands: BRANDS.map((b) => b.brand),
          skills: STATION_SKILL_SETS[(i + n) % STATION_SKILL_SETS.length],
          capacity: 5 + this.random.int(20),
          openingHours: [1, 2, 3, 4, 5, 6].map((day) => ({ day, opens: '08:30', closes: '18:00' })),
        });
        seeded.push({ id: station.partnerId, kind: 'repair_station', city });
      }
    }
    return seeded;
  }

  private async seedCustomers(dealers: SeededPartner[]): Promise<SeededCustomer[]> {
    const seeded: SeededCustomer[] = [];
    for (let i = 0; i < this.options.customers; i++) {
      const dealer = this.random.pick(dealers);
      const customer = await this.customers.register(
        {
          kind: 'person',
          name: this.personName(i),
          phones: [
            `1${this.random.pick(['38', '39', '50', '86', '77'])}${String(10_000_000 + i * 7919).slice(-8)}`,
          ],
          address: {
            province: dealer.city.province,
            city: dealer.city.city,
            location: this.near(dealer.city),
          },
          birthday: `19${60 + this.random.int(40)}-0${1 + this.random.int(9)}-1${this.random.int(9)}`,
          emails: [`demo.customer${i + 1}@example.com`],
          consents: [
            { channel: 'sms', granted: this.random.next() > 0.3, source: 'demo-seed' },
            { channel: 'email', granted: i % 4 !== 3, source: 'demo-seed' },
          ],
        },
        { allowDuplicate: true },
      );
      const vehicle = this.demoVehicle(i, dealer.id);
      const registered = await this.vehicles.register(customer.id, vehicle);
      seeded.push({ customerId: customer.id, vehicleId: registered.vehicleId, model: vehicle.model });
    }
    return seeded;
  }

  /** The first customers' past complaints, replayed through the service app as the agent and the station. */
  private async seedPastTickets(
    customers: SeededCustomer[],
    agentUserId: string,
    stationUserIds: Map<string, string>,
  ): Promise<void> {
    for (const [i, complaint] of PAST_COMPLAINTS.entries()) {
      const customer = customers[i];
      if (!customer) return;
      const ticket = await this.service.replay({ ...customer, ...complaint, agentUserId, stationUserIds });
      if (!ticket) {
        this.logger.warn(`No station could take the demo complaint of customer ${customer.customerId}`);
        continue;
      }
      await this.callCenter.recordPastComplaintCall({
        ...ticket,
        agent: { id: agentUserId, name: DEMO_AGENT_NAME },
        occurredAt: ticket.openedAt,
      });
      this.logger.log(`Past ticket ${ticket.ticketNumber}: resolved and rated`);
    }
  }

  /**
   * The vehicles the past months' complaints are about: every other customer after the past tickets' ones, so the
   * rest have no ticket yet (a new complaint starts their history, as the console's journeys expect).
   */
  private historyVehicles(customers: SeededCustomer[]): HistoryVehicle[] {
    return customers.filter((_, i) => i >= PAST_COMPLAINTS.length && i % 2 === 1);
  }

  /** The sales tree keyed by the identity user ids (token subjects) of the demo logins. */
  private salesTeam(userIds: Map<string, string>): SalesDemoTeam {
    const member = ({ username, name }: { username: string; name: string }) => ({
      userId: userIds.get(username) as string,
      name,
    });
    return {
      director: member(SALES_TEAM.director),
      managers: SALES_TEAM.managers.map(({ manager, reps }) => ({
        manager: member(manager),
        reps: reps.map(member),
      })),
    };
  }

  private personName(i: number): string {
    if (i % 3 === 2)
      return `${this.random.pick(ENGLISH_FIRST_NAMES)} ${this.random.pick(ENGLISH_LAST_NAMES)}`;
    const given =
      this.random.pick(GIVEN_NAME_CHARACTERS) +
      (this.random.next() > 0.4 ? this.random.pick(GIVEN_NAME_CHARACTERS) : '');
    return this.random.pick(SURNAMES) + given;
  }

  private near(city: DemoCity) {
    return {
      lat: city.lat + (this.random.next() - 0.5) * 0.3,
      lon: city.lon + (this.random.next() - 0.5) * 0.3,
    };
  }

  private demoVehicle(i: number, sellingDealerId: string) {
    const { brand, models } = BRANDS[i % BRANDS.length];
    const year = 2018 + this.random.int(7);
    const body = `LDC${brand[0]}${'ABCDEFGH'[this.random.int(8)]}${String(i).padStart(3, '0').slice(-3)}0${'JKLMNPRS'[year - 2018]}A${String(100000 + i).slice(-6)}`;
    const vin = withCheckDigit(body);
    const purchaseDate = `${year}-${String(1 + this.random.int(12)).padStart(2, '0')}-15`;
    return {
      vin,
      brand,
      model: this.random.pick(models),
      modelYear: year,
      purchaseDate,
      sellingDealerId,
      warrantyEnd: `${year + 3}-12-31`,
    };
  }

  private async seedLogins(
    partners: SeededPartner[],
  ): Promise<{ logins: DemoLogin[]; userIds: Map<string, string>; partnerUserIds: Map<string, string> }> {
    const partnerLogins = partners.slice(0, 6).map((p) => ({
      username: `${p.kind === 'dealer' ? 'dealer' : 'station'}.${p.city.code.toLowerCase()}.${p.id.slice(0, 4)}`,
      roles: [p.kind === 'dealer' ? Roles.dealer : Roles.repairStation],
      partner: p,
    }));
    const logins: DemoLogin[] = [];
    const userIds = new Map<string, string>();
    const partnerUserIds = new Map<string, string>();
    const all: { username: string; roles: Role[]; name?: string; partner?: SeededPartner }[] = [
      ...STAFF_LOGINS,
      ...partnerLogins,
    ];
    for (const login of all) {
      const password = randomBytes(9).toString('base64url');
      const partner = login.partner;
      const user = await this.users.ensureUser({
        username: login.username,
        password,
        displayName: login.name ?? login.username,
        roles: login.roles,
        partnerId: partner?.id,
        partnerKind: partner?.kind,
      });
      userIds.set(login.username, user.id);
      if (partner) partnerUserIds.set(partner.id, user.id);
      logins.push({ username: login.username, password, roles: login.roles.join(',') });
    }
    return { logins, userIds, partnerUserIds };
  }

  private loginsFile(): string | null {
    return this.options.dataDir === ':memory:' ? null : join(this.options.dataDir, 'demo-logins.json');
  }

  private saveLogins(logins: DemoLogin[]): void {
    const file = this.loginsFile();
    if (!file) return;
    mkdirSync(this.options.dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(logins, null, 2), { mode: 0o600 });
  }

  private savedLogins(): DemoLogin[] {
    const file = this.loginsFile();
    return file && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DemoLogin[]) : [];
  }
}
