import { EntityManager } from 'typeorm';
import { PropensityScore } from '../model/propensity-model';
import { PropensityScoringService } from '../propensity-scoring.service';
import { RecipientTargeting } from './recipient-targeting';

const scored = (customerId: string, score: number): PropensityScore => ({ customerId, score, reasons: [] });
const RANKED = [scored('a', 90), scored('b', 70), scored('c', 55), scored('d', 20)];
const members = { where: 'c.city = ANY($1::text[])', params: [['杭州市']] };
const tx = {} as EntityManager;

describe(RecipientTargeting.name, () => {
  const targeting = new RecipientTargeting({
    rank: async () => RANKED,
  } as unknown as PropensityScoringService);

  it('leaves an audience without targeting as it is', async () => {
    expect(await targeting.narrow(tx, null, members)).toBe(members);
  });

  it('keeps the best N at or above the minimum score, as the audience AND their ids', async () => {
    const narrowed = await targeting.narrow(tx, { objective: 'retention', minScore: 50, topN: 2 }, members);
    expect(narrowed).toEqual({
      where: '(c.city = ANY($1::text[])) AND c.id = ANY($2::uuid[])',
      params: [['杭州市'], ['a', 'b']],
    });
    const atLeast = await targeting.narrow(tx, { objective: 'retention', minScore: 50 }, members);
    expect(atLeast.params[1]).toEqual(['a', 'b', 'c']);
  });
});
