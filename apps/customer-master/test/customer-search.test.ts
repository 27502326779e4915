import { DataSource } from 'typeorm';
import { searchSql, settingsStatement } from '../src/search/customer-search.repository';
import { classifySearchQuery } from '@crm/search-keys';
import { withCheckDigit } from '@crm/core';
import { CustomerMasterHarness } from './customer-master.harness';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

describe('customer search', () => {
  const vin = withCheckDigit('LSVAU2180N2AB1234');
  let harness: CustomerMasterHarness;
  let agent: string;
  const ids: Record<string, string> = {};

  async function register(name: string, phones: string[], city = '上海市'): Promise<void> {
    const response = await harness
      .http()
      .post('/customers?allowDuplicate=true')
      .set('Authorization', agent)
      .send({ kind: 'person', name, phones, address: { city } })
      .expect(201);
    ids[name] = response.body.id;
  }

  async function search(q: string, extra = '') {
    const response = await harness
      .http()
      .get(`/customers/search?q=${encodeURIComponent(q)}${extra}`)
      .set('Authorization', agent)
      .expect(200);
    return response.body.items as { customerId: string; name: string; matchedBy: string; score: number }[];
  }

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    agent = await harness.as(['agent']);
    await register('张三', ['138 0013 8000']);
    await register('张三丰', ['139 1234 5678'], '武汉市');
    await register('张伟', ['150 2222 3333']);
    await register('张珊', ['151 4444 5555']);
    await register('李四', ['186 0000 8000']);
    await register('Anna Müller', ['+49 30 901820'], 'Berlin');
    await harness
      .http()
      .post(`/customers/${ids['张三']}/vehicles`)
      .set('Authorization', agent)
      .send({ vin, brand: 'Aurora', model: 'A6 Sedan' })
      .expect(201);
  });
  afterAll(() => harness.stop());

  it('finds the same person by Chinese name, spaced pinyin and joined pinyin, exact match first', async () => {
    for (const q of ['张三', 'zhang san', 'zhangsan', 'ZhangSan']) {
      const [first] = await search(q);
      expect(first).toMatchObject({ customerId: ids['张三'], name: '张三', matchedBy: 'name' });
      expect(first.score).toBeGreaterThanOrEqual(3);
    }
  });

  it('ranks a name that starts with the query after the exact one', async () => {
    const names = (await search('张三')).map((hit) => hit.name);
    expect(names.slice(0, 2)).toEqual(['张三', '张三丰']);
  });

  it('finds every Zhang by the single character 张', async () => {
    const names = (await search('张')).map((hit) => hit.name);
    expect(names.sort()).toEqual(['张三', '张三丰', '张伟', '张珊'].sort());
  });

  it('answers with name, latin name, phones and city', async () => {
    const [hit] = await search('张三丰');
    expect(hit).toEqual({
      customerId: ids['张三丰'],
      name: '张三丰',
      nameLatin: 'zhang san feng',
      phones: ['+8613912345678'],
      city: '武汉市',
      matchedBy: 'name',
      score: expect.any(Number),
    });
  });

  it('finds a phone by its first digits', async () => {
    const hits = await search('1380013');
    expect(hits).toEqual([
      expect.objectContaining({ customerId: ids['张三'], matchedBy: 'phone', score: 2 }),
    ]);
  });

  it('finds phones containing the digits', async () => {
    const found = (await search('8000')).map((hit) => hit.customerId);
    expect(found.sort()).toEqual([ids['张三'], ids['李四']].sort());
  });

  it('finds a whole phone number written in another format, as an exact match', async () => {
    const [first] = await search('+86 138-0013-8000');
    expect(first).toMatchObject({ customerId: ids['张三'], matchedBy: 'phone', score: 3 });
  });

  it('finds the owner by the whole VIN and by its last six characters', async () => {
    expect(await search(vin.toLowerCase())).toEqual([
      expect.objectContaining({ customerId: ids['张三'], matchedBy: 'vin', score: 3 }),
    ]);
    expect(await search(vin.slice(-6))).toEqual([
      expect.objectContaining({ customerId: ids['张三'], matchedBy: 'vin', score: 1 }),
    ]);
  });

  it('finds 张三 by a misheard pinyin, after the exact pinyin match', async () => {
    const hits = await search('zhang shan');
    expect(hits[0]).toMatchObject({ name: '张珊', matchedBy: 'name' });
    expect(hits[1]).toMatchObject({ name: '张三', matchedBy: 'fuzzy-name' });
    expect(hits.map((hit) => hit.name)).not.toContain('张伟');
  });

  it('pages through the results', async () => {
    const all = await search('张');
    const second = await search('张', '&limit=2&offset=2');
    expect(second.map((hit) => hit.customerId)).toEqual(all.slice(2, 4).map((hit) => hit.customerId));
  });

  it('still serves a customer by id next to the search route', async () => {
    await harness.http().get(`/customers/${ids['张三']}`).set('Authorization', agent).expect(200);
  });

  it('refuses partners', async () => {
    const dealer = await harness.as(['dealer'], {
      id: '0b6f1c9e-8a43-4a55-9d0c-0f6d3c6f1a11',
      kind: 'dealer',
    });
    const response = await harness
      .http()
      .get('/customers/search?q=张三')
      .set('Authorization', dealer)
      .expect(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it.each([
    ['q is missing', '', 'q'],
    ['q is longer than 100 characters', `q=${'a'.repeat(101)}`, 'q'],
    ['q is blank', 'q=%20%20', 'q'],
    ['limit is above the page size', 'q=zhang&limit=1000', 'limit'],
    ['a parameter is unknown', 'q=zhang&sort=name', 'sort'],
  ])('answers 400 naming the field when %s', async (_case, query, field) => {
    const response = await harness
      .http()
      .get(`/customers/search?${query}`)
      .set('Authorization', agent)
      .expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  describe('query plans on a few thousand customers', () => {
    let db: DataSource;

    beforeAll(async () => {
      db = harness.app.get(DataSource);
      // Characters from U+8000 up, so none of the names above gains look-alikes.
      await db.query(`INSERT INTO customer_master.customer (id, kind, name, name_latin, search_keys)
        SELECT gen_random_uuid(), 'person', a || b, latin, ARRAY[a, b, a || b, replace(latin, ' ', '')]
          FROM (SELECT chr(32768 + (i * 7) % 4000) AS a, chr(32768 + (i * 13) % 3989) AS b,
                       substr(md5(i::text), 1, 5) || ' ' || substr(md5(i::text), 6, 4) AS latin
                  FROM generate_series(1, 3000) i) s`);
      await db.query(`INSERT INTO customer_master.customer_phone (customer_id, e164, digits)
        SELECT id, '+86' || d, d FROM (
          SELECT id, (15000000000 + row_number() OVER (ORDER BY id) * 7919)::text AS d
            FROM customer_master.customer WHERE name_latin ~ '^[0-9a-f]{5} ') s`);
      // 2,000 namesakes of 王 (as the surname), and 王 inside a few given names.
      await db.query(`INSERT INTO customer_master.customer (id, kind, name, name_latin, search_keys)
        SELECT gen_random_uuid(), 'person', '王' || b, 'wang ' || latin, ARRAY['王', b, '王' || b, 'wang', 'wang' || latin]
          FROM (SELECT chr(36864 + i % 3000) AS b, substr(md5(i::text), 1, 4) AS latin
                  FROM generate_series(1, 2000) i) s`);
      await db.query(`INSERT INTO customer_master.customer (id, kind, name, name_latin, search_keys)
        SELECT gen_random_uuid(), 'person', '李' || '王', 'li wang', ARRAY['李', '王', '李王', 'li', 'wang', 'liwang']
          FROM generate_series(1, 5)`);
      // 万刚 (wan gang) is spelled `wangang`, deep inside the range of the 王 namesakes' `wang…` spellings.
      await db.query(`INSERT INTO customer_master.customer (id, kind, name, name_latin, search_keys)
        SELECT gen_random_uuid(), 'person', '万刚', 'wan gang', ARRAY['万', '刚', '万刚', 'wan', 'gang', 'wangang']
          FROM generate_series(1, 3)`);
      // VACUUM as autovacuum would: GIN rows still in the pending list make the planner avoid the index.
      await db.query(`VACUUM ANALYZE customer_master.customer, customer_master.customer_phone`);
    });

    async function plan(q: string): Promise<PlanNode[]> {
      return explain(q, 'FORMAT JSON');
    }

    async function analyzedPlan(q: string): Promise<PlanNode[]> {
      return explain(q, 'ANALYZE, FORMAT JSON');
    }

    /** The plan of the statement a search for `q` runs, under the settings it runs with. */
    async function explain(q: string, options: string): Promise<PlanNode[]> {
      const { sql, params, settings } = searchSql(classifySearchQuery(q), { limit: 20, offset: 0 });
      return db.transaction(async (tx) => {
        if (Object.keys(settings).length > 0) {
          const set = settingsStatement(settings);
          await tx.query(set.sql, set.params);
        }
        const [row] = await tx.query(`EXPLAIN (${options}) ${sql}`, params);
        return planNodes(row['QUERY PLAN'][0].Plan);
      });
    }

    it.each([
      ['one Chinese character', '张', ['customer_name_prefix_idx', 'customer_search_keys_idx']],
      ['two Chinese characters', '张三', ['customer_name_prefix_idx', 'customer_search_keys_idx']],
      ['pinyin', 'zhang san', ['customer_search_keys_idx', 'customer_name_latin_trgm_idx']],
      ['a phone prefix', '1380013', ['customer_phone_digits_prefix_idx', 'customer_phone_digits_trgm_idx']],
    ])('answers %s through the index, never scanning customers or phones', async (_case, q, indexes) => {
      const nodes = await plan(q);
      const seqScans = nodes
        .filter((node) => node['Node Type'] === 'Seq Scan')
        .map((node) => node['Relation Name']);
      expect(seqScans).not.toContain('customer');
      expect(seqScans).not.toContain('customer_phone');
      expect(nodes.map((node) => node['Index Name'])).toEqual(expect.arrayContaining(indexes));
    });

    it.each(['王', 'wang'])(
      'takes a page of the common surname %s from its prefix matches, never scoring every namesake',
      async (q) => {
        const nodes = await analyzedPlan(q);
        const tier = (name: string) => nodes.find((node) => node['Subplan Name'] === `CTE ${name}`);
        expect(tier('prefix')?.['Actual Rows']).toBe(20);
        // The page comes from the walk in name order: the key index, whose selectivity the planner would multiply
        // with the prefix's, is never read.
        const prefixIndexes = [tier('prefix_walked')!, tier('prefix')!]
          .flatMap(planNodes)
          .filter((node) => (node['Actual Loops'] ?? 0) > 0)
          .map((node) => node['Index Name']);
        expect(prefixIndexes).toContain(
          q === '王' ? 'customer_name_prefix_idx' : 'customer_name_latin_prefix_idx',
        );
        expect(prefixIndexes).not.toContain('customer_search_keys_idx');
        const keyedScans = planNodes(tier('keyed')!).filter((node) => node['Relation Name'] === 'customer');
        expect(keyedScans.length).toBeGreaterThan(0);
        expect(keyedScans.map((node) => node['Actual Loops'])).toEqual(keyedScans.map(() => 0));
      },
    );

    it('finds a key that is rare in its prefix range through the key index once the walk stops short', async () => {
      const hits = await search('wan');
      expect(hits.map((hit) => hit.name)).toEqual(['万刚', '万刚', '万刚']);
      const nodes = await analyzedPlan('wan');
      const prefix = planNodes(nodes.find((node) => node['Subplan Name'] === 'CTE prefix')!);
      const keyScans = prefix.filter((node) => node['Index Name'] === 'customer_search_keys_idx');
      expect(keyScans.map((node) => node['Actual Loops'])).toEqual([1]);
    });

    it('pages through a common surname without repeating anyone, and in name order', async () => {
      const first = await search('王', '&limit=20');
      const second = await search('王', '&limit=20&offset=20');
      const all = await search('王', '&limit=40');
      expect([...first, ...second].map((hit) => hit.customerId)).toEqual(all.map((hit) => hit.customerId));
      expect(new Set(all.map((hit) => hit.customerId)).size).toBe(40);
      expect(all.every((hit) => hit.name.startsWith('王'))).toBe(true);
    });

    it('ranks a name containing the query after every name starting with it', async () => {
      const hits = await search('王', '&limit=100&offset=1990');
      const names = hits.map((hit) => hit.name);
      expect(names.slice(-5)).toEqual(Array(5).fill('李王'));
      expect(names.slice(0, -5).every((name) => name.startsWith('王'))).toBe(true);
    });
  });
});
