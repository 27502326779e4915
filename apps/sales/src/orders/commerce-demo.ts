import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Roles } from '@crm/contracts';
import { Clock } from '@crm/core';
import { CatalogEditingService } from '../catalog/catalog-editing.service';
import { Powertrain, SpecMap } from '../catalog/catalog';
import { PriceListService } from '../catalog/price-list.service';
import { OpportunityCreateService } from '../opportunities/opportunity-create.service';
import { OpportunityLineService } from '../opportunities/opportunity-line.service';
import { OpportunityStageService } from '../opportunities/opportunity-stage.service';
import { QuoteIssuingService } from '../quotes/quote-issuing.service';
import { QuoteStatusService } from '../quotes/quote-status.service';
import { OrderPlacingService } from './order-placing.service';

interface DemoTrim {
  code: string;
  name: string;
  powertrain: Powertrain;
  engine: string | null;
  powerKw: number;
  rangeKm: number | null;
  seats: number;
  specs: SpecMap;
  /** Shanghai price; Beijing is 2,000 CNY more (local delivery costs). */
  price: number;
}

const MODELS: {
  code: string;
  name: string;
  description: string;
  trims: DemoTrim[];
  sellingPoints: string[];
  faqs: [question: string, answer: string][];
}[] = [
  {
    code: 'AURORA-S7',
    name: 'Aurora S7 极光',
    description: '中大型纯电轿车 / mid-size electric sedan',
    trims: [
      {
        code: 'AURORA-S7-STD',
        name: '标准续航版 Standard Range',
        powertrain: 'bev',
        engine: null,
        powerKw: 190,
        rangeKm: 550,
        seats: 5,
        specs: { 'battery kWh': 66, '0-100km/h': '6.9s' },
        price: 219_900,
      },
      {
        code: 'AURORA-S7-LR',
        name: '长续航版 Long Range',
        powertrain: 'bev',
        engine: null,
        powerKw: 250,
        rangeKm: 702,
        seats: 5,
        specs: { 'battery kWh': 85, '0-100km/h': '5.9s', 'heat pump': true },
        price: 259_900,
      },
    ],
    sellingPoints: ['CLTC 续航最高 702 公里，冬季有热泵', '800V fast charging: 10-80% in 18 minutes'],
    faqs: [
      ['冬天续航会打几折？', '热泵空调下，零下十度约保持百分之七十五的续航。'],
      ['Can I charge at home?', 'Yes: a 7 kW wall box is installed free with every order.'],
    ],
  },
  {
    code: 'AURORA-X5',
    name: 'Aurora X5 星途',
    description: '七座插电混动 SUV / seven-seat plug-in hybrid SUV',
    trims: [
      {
        code: 'AURORA-X5-PHEV',
        name: '插混舒适版 PHEV Comfort',
        powertrain: 'phev',
        engine: '1.5T',
        powerKw: 240,
        rangeKm: 120,
        seats: 7,
        specs: { 'fuel l/100km': 1.2, '0-100km/h': '7.5s' },
        price: 239_900,
      },
      {
        code: 'AURORA-X5-PHEV-AWD',
        name: '四驱旗舰版 PHEV AWD Flagship',
        powertrain: 'phev',
        engine: '1.5T',
        powerKw: 320,
        rangeKm: 200,
        seats: 7,
        specs: { 'fuel l/100km': 1.0, 'air suspension': true },
        price: 289_900,
      },
    ],
    sellingPoints: ['三排七座，第三排可放平', 'Tows up to 2,000 kg'],
    faqs: [
      ['第三排坐成年人舒服吗？', '第三排腿部空间 750 毫米，适合一米七五以下的乘客短途乘坐。'],
      ['What does the warranty cover?', 'Eight years or 160,000 km on the battery and the hybrid drive.'],
    ],
  },
  {
    code: 'NOVA-E3',
    name: 'Nova E3 新星',
    description: '城市纯电小车 / compact city EV',
    trims: [
      {
        code: 'NOVA-E3-CITY',
        name: '城市版 City',
        powertrain: 'bev',
        engine: null,
        powerKw: 70,
        rangeKm: 330,
        seats: 4,
        specs: { 'battery kWh': 32 },
        price: 89_900,
      },
      {
        code: 'NOVA-E3-PLUS',
        name: '增程版 Plus',
        powertrain: 'bev',
        engine: null,
        powerKw: 100,
        rangeKm: 420,
        seats: 5,
        specs: { 'battery kWh': 42, 'fast charge kW': 60 },
        price: 109_900,
      },
    ],
    sellingPoints: [
      '转弯半径仅 4.8 米，停车不再难',
      'Lowest running cost in its class: about 5 CNY per 100 km',
    ],
    faqs: [
      ['新手适合开吗？', '标配自动泊车和 360 度全景影像，新手也能轻松驾驶。'],
      [
        'Is there a battery rental option?',
        'Yes, from 399 CNY a month, which lowers the price by 30,000 CNY.',
      ],
    ],
  },
];

/** A trim of the demo catalog, with its Shanghai price. */
export interface DemoCatalogTrim {
  trimId: string;
  model: string;
  price: number;
}

const REGIONS = [
  { region: 'CN-SH', surcharge: 0 },
  { region: 'CN-BJ', surcharge: 2_000 },
];

/**
 * Demo catalog, quotes and orders for the embedded default: the three models above with prices in
 * Shanghai and Beijing, then for each rep one accepted quote turned into an order, one quote still
 * out, and one won deal ordered directly.
 */
@Injectable()
export class CommerceDemo {
  constructor(
    private readonly catalog: CatalogEditingService,
    private readonly priceLists: PriceListService,
    private readonly opportunities: OpportunityCreateService,
    private readonly lines: OpportunityLineService,
    private readonly stages: OpportunityStageService,
    private readonly quoting: QuoteIssuingService,
    private readonly quoteStatus: QuoteStatusService,
    private readonly orders: OrderPlacingService,
    private readonly clock: Clock,
  ) {}

  /** The catalog's trims, for orders placed later (the demo's past months). */
  async seed(reps: { userId: string; name: string }[], customerIds: string[]): Promise<DemoCatalogTrim[]> {
    const today = this.clock.now();
    const trims = await this.seedCatalog(today);
    const trimIds = trims.map((trim) => trim.trimId);
    for (const [n, rep] of reps.slice(0, 3).entries()) {
      const as: Principal = { subject: rep.userId, name: rep.name, roles: [Roles.salesRep] };
      const customerId = customerIds[n % Math.max(customerIds.length, 1)] ?? null;
      await this.deals(as, customerId, trimIds, n, today);
    }
    return trims;
  }

  /**
   * A showroom sale: a deal opened, its trim added at the price of the day (given: the price list starts this year),
   * won and ordered at once, as a rep does for a customer who buys a car in stock.
   */
  async showroomSale(as: Principal, customerId: string | null, trim: DemoCatalogTrim): Promise<void> {
    const opportunity = await this.opportunities.create(as, {
      name: `展厅成交 ${trim.model}`,
      customerId,
      region: REGIONS[0].region,
    });
    await this.lines.add(as, opportunity.id, {
      trimId: trim.trimId,
      quantity: 1,
      unitPrice: { amount: trim.price, currency: 'CNY' },
      discount: 5_000,
    });
    await this.stages.win(as, opportunity.id, '现车充足，当天提车');
    await this.orders.place(as, { opportunityId: opportunity.id });
  }

  private async seedCatalog(today: Date): Promise<DemoCatalogTrim[]> {
    const validFrom = `${today.getUTCFullYear()}-01-01`;
    const trims: DemoCatalogTrim[] = [];
    for (const m of MODELS) {
      const model = await this.catalog.addModel({ code: m.code, name: m.name, description: m.description });
      for (const { price, ...trim } of m.trims) {
        const created = await this.catalog.addTrim(model.id, trim);
        trims.push({ trimId: created.id, model: m.name, price });
        for (const { region, surcharge } of REGIONS)
          await this.priceLists.addPrice(created.id, {
            region,
            price: { amount: price + surcharge, currency: 'CNY' },
            validFrom,
            validTo: null,
          });
      }
      for (const text of m.sellingPoints)
        await this.catalog.addNote(model.id, {
          kind: 'selling_point',
          title: text,
          body: null,
          trimId: null,
        });
      for (const [question, answer] of m.faqs)
        await this.catalog.addNote(model.id, { kind: 'faq', title: question, body: answer, trimId: null });
    }
    return trims;
  }

  private async deals(as: Principal, customerId: string | null, trimIds: string[], n: number, today: Date) {
    const validUntil = new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const open = async (k: number) => {
      const opportunity = await this.opportunities.create(as, {
        name: `展厅客户 ${n + 1}-${k + 1}`,
        customerId,
        region: REGIONS[(n + k) % REGIONS.length].region,
      });
      await this.lines.add(as, opportunity.id, {
        trimId: trimIds[(n * 3 + k) % trimIds.length],
        quantity: 1,
        discount: 5_000,
      });
      return opportunity.id;
    };
    const quoted = async (opportunityId: string) => {
      const quote = await this.quoting.issue(as, {
        opportunityId,
        validUntil,
        terms: '含购置税，不含上牌费用。',
      });
      return (await this.quoteStatus.step(as, quote.id, 'send')).id;
    };

    const accepted = await quoted(await open(0));
    await this.quoteStatus.step(as, accepted, 'accept');
    await this.orders.place(as, { quoteId: accepted });
    await quoted(await open(1));
    const won = await open(2);
    await this.stages.win(as, won, '现车充足，当天提车');
    await this.orders.place(as, { opportunityId: won });
  }
}
