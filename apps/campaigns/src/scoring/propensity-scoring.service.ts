import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, ConflictError, NotFoundError } from '@crm/core';
import { CampaignObjective } from '../campaign-objectives';
import { SegmentSql } from '../segments/segment-sql';
import { SegmentService } from '../segments/segment.service';
import { CustomerFeaturesRepository } from './features/customer-features.repository';
import { FEATURE_KEYS } from './features/propensity-features';
import { PropensityModel, PropensityScore, scoreCustomer } from './model/propensity-model';
import { PropensityModelRepository } from './model/propensity-model.repository';

export interface RankedPage {
  items: PropensityScore[];
  total: number;
}

/** Scores customers 0-100 with an objective's latest model, from their features now. */
@Injectable()
export class PropensityScoringService {
  constructor(
    private readonly models: PropensityModelRepository,
    private readonly features: CustomerFeaturesRepository,
    private readonly segments: SegmentService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The model in use for the objective; 404 before one is trained, 409 when trained on another feature list. */
  async model(
    objective: CampaignObjective,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<PropensityModel> {
    const model = await this.models.latest(tx, objective);
    if (!model) throw new NotFoundError('Propensity model', objective);
    if (model.features.join() !== FEATURE_KEYS.join())
      throw new ConflictError(`The ${objective} model was trained on another feature list; train it again`);
    return model;
  }

  /** The members given, best score first (equal scores by customer id, so a cut is reproducible). */
  async rank(
    objective: CampaignObjective,
    members: SegmentSql,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<PropensityScore[]> {
    const model = await this.model(objective, tx);
    const rows = await this.features.ofMembers(tx, members, this.clock.now());
    return rows
      .map((row) => scoreCustomer(model, row.customerId, row.values))
      .sort((a, b) => b.score - a.score || a.customerId.localeCompare(b.customerId));
  }

  async rankSegment(
    objective: CampaignObjective,
    segmentId: string,
    limit: number,
    offset: number,
  ): Promise<RankedPage> {
    const ranked = await this.rank(objective, await this.segments.selection(segmentId));
    return { items: ranked.slice(offset, offset + limit), total: ranked.length };
  }

  async scoreOne(objective: CampaignObjective, customerId: string): Promise<PropensityScore> {
    const model = await this.model(objective);
    const row = await this.features.ofCustomer(this.dataSource.manager, customerId, this.clock.now());
    if (!row) throw new NotFoundError('Customer', customerId);
    return scoreCustomer(model, customerId, row.values);
  }
}
