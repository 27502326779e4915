import { randomBytes } from 'node:crypto';
import { Roles } from '@crm/contracts';
import { SalesHarness } from './sales.harness';

export interface CatalogFixture {
  modelId: string;
  trimId: string;
  otherTrimId: string;
}

/** A model with two trims priced in Shanghai from 2026-01-01 on, added by an admin through the API. */
export async function addCatalog(sales: SalesHarness, prices = { trim: 259_900, other: 219_900 }) {
  const admin = await sales.auth({ sub: 'admin', roles: [Roles.admin] });
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const post = async (path: string, body: object) =>
    (await sales.http().post(path).set('authorization', admin).send(body).expect(201)).body;
  const model = await post('/catalog/models', { code: `AURORA-${suffix}`, name: 'Aurora S7 极光' });
  const trim = async (code: string, name: string, price: number) => {
    const created = await post(`/catalog/models/${model.id}/trims`, {
      code: `${code}-${suffix}`,
      name,
      powertrain: 'bev',
      powerKw: 250,
      rangeKm: 702,
      seats: 5,
    });
    await post(`/catalog/trims/${created.id}/prices`, {
      region: 'CN-SH',
      price: { amount: price },
      validFrom: '2026-01-01',
    });
    return created.id as string;
  };
  return {
    modelId: model.id as string,
    trimId: await trim('LR', '长续航版 Long Range', prices.trim),
    otherTrimId: await trim('STD', '标准版 Standard', prices.other),
  } satisfies CatalogFixture;
}
