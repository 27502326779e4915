import { CustomerRegistered, Roles, VehicleRegistered } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { DataSource } from 'typeorm';
import { RekeyCallCenterNames1796020400000 } from '../src/migrations/1796020400000-rekey-names-syllable-pairs';
import { CallCenterHarness } from './call-center.harness';
import { customerState, vehicleState } from './call-center.fixtures';

describe('agent lookup by VIN tail and by part of a name', () => {
  let cc: CallCenterHarness;
  let agent: string;
  const ouyang = customerState({ name: '欧阳娜娜', namePinyin: 'ouyang nana', phones: ['+8613911110001'] });
  const sima = customerState({ name: '司马光', namePinyin: 'sima guang', phones: ['+8613911110002'] });
  const li = customerState({ name: '李小龙', namePinyin: 'li xiaolong', phones: ['+8613911110003'] });
  const carOfLi = vehicleState(li.customerId, { vin: 'LSVAU2187N2204817' });
  const phoneLikeTail = customerState({ name: '王五', namePinyin: 'wang wu', phones: ['+8613820481700'] });

  const lookup = async (q: string) =>
    (await cc.http().get('/lookup').query({ q }).set('Authorization', agent).expect(200)).body.items as {
      customerId: string;
      matchedBy: string;
    }[];

  beforeAll(async () => {
    cc = await CallCenterHarness.start();
    agent = await cc.as([Roles.agent]);
    for (const customer of [ouyang, sima, li, phoneLikeTail]) {
      await cc.publish(CustomerRegistered, customer.customerId, customer);
    }
    await cc.publish(VehicleRegistered, carOfLi.vehicleId, carOfLi);
    await eventually(async () => expect(await lookup(carOfLi.vin)).toHaveLength(1));
    await eventually(async () => expect(await lookup('王五')).toHaveLength(1));
  });
  afterAll(() => cc.stop());

  it('tries six to eight digits typed alone as the tail of a Chinese VIN (six or seven here, the eighth is a letter)', async () => {
    for (const tail of ['204817', '2204817']) {
      const hits = await lookup(tail);
      expect(hits).toContainEqual(expect.objectContaining({ customerId: li.customerId, matchedBy: 'vin' }));
    }
  });

  it('still finds the phone numbers those digits are part of, next to the VIN', async () => {
    const hits = await lookup('204817');
    expect(hits.map((h) => [h.customerId, h.matchedBy])).toEqual(
      expect.arrayContaining([
        [li.customerId, 'vin'],
        [phoneLikeTail.customerId, 'phone'],
      ]),
    );
  });

  it('does not take digits in the middle of a VIN for its tail', async () => {
    expect(await lookup('220481')).toEqual([]);
  });

  it('finds a two-syllable surname typed alone in pinyin', async () => {
    expect((await lookup('ouyang')).map((h) => h.customerId)).toEqual([ouyang.customerId]);
    expect((await lookup('sima')).map((h) => h.customerId)).toEqual([sima.customerId]);
  });

  it('finds a given name typed alone, in pinyin or in characters', async () => {
    expect((await lookup('xiaolong')).map((h) => h.customerId)).toEqual([li.customerId]);
    expect((await lookup('nana')).map((h) => h.customerId)).toEqual([ouyang.customerId]);
    expect((await lookup('小龙')).map((h) => h.customerId)).toEqual([li.customerId]);
  });

  it('gives customers keyed before the syllable pairs their new keys in a backfill migration', async () => {
    await cc.query(
      `UPDATE call_center.customer SET search_keys = array_remove(search_keys, 'sima') WHERE id = $1`,
      [sima.customerId],
    );
    expect(await lookup('sima')).toEqual([]);

    const runner = cc.app.get(DataSource).createQueryRunner();
    await new RekeyCallCenterNames1796020400000().up(runner).finally(() => runner.release());

    expect((await lookup('sima')).map((h) => h.customerId)).toEqual([sima.customerId]);
  });
});
