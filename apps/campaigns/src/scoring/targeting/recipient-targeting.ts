import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SegmentSql } from '../../segments/segment-sql';
import { PropensityScoringService } from '../propensity-scoring.service';
import { CampaignTargeting } from './campaign-targeting';

/**
 * Narrows an audience to its targeting before it is frozen: the members are ranked by score, those under the minimum
 * dropped, the first N kept; the audience becomes its own SQL AND the ids kept, so freezing stays one statement.
 */
@Injectable()
export class RecipientTargeting {
  constructor(private readonly scoring: PropensityScoringService) {}

  async narrow(
    tx: EntityManager,
    targeting: CampaignTargeting | null,
    members: SegmentSql,
  ): Promise<SegmentSql> {
    if (!targeting) return members;
    const ranked = await this.scoring.rank(targeting.objective, members, tx);
    const kept = ranked
      .filter((scored) => scored.score >= (targeting.minScore ?? 0))
      .slice(0, targeting.topN ?? ranked.length)
      .map((scored) => scored.customerId);
    return {
      where: `(${members.where}) AND c.id = ANY($${members.params.length + 1}::uuid[])`,
      params: [...members.params, kept],
    };
  }
}
