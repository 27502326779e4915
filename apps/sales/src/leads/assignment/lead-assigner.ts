import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@crm/core';
import { DealerRepository } from '../../dealers/dealer.repository';
import { Lead } from '../lead';
import { LEAD_SETTINGS, LeadSettings } from '../lead-settings';
import { AssignmentRule, LeadAssignment } from './lead-assignment';
import { LeadRotationRepository } from './lead-rotation.repository';

/** Why a rule could not place a lead: it has no location, nobody sells its model, or the team is empty. */
export type AssignmentMiss = 'no-location' | 'no-dealer' | 'no-reps';

const TIE_LOOKAHEAD = 5;

/** Applies an assignment rule to a lead inside the caller's transaction and records the decision on it. */
@Injectable()
export class LeadAssigner {
  constructor(
    private readonly dealers: DealerRepository,
    private readonly rotation: LeadRotationRepository,
    private readonly clock: Clock,
    @Inject(LEAD_SETTINGS) private readonly settings: LeadSettings,
  ) {}

  /**
   * The rule configured for the lead's source (SALES_LEAD_ASSIGNMENT), when the capture left the lead
   * without a dealer (nearest dealer) or an owner (round-robin); a miss leaves the lead as captured.
   */
  async applyOnCapture(tx: EntityManager, lead: Lead, decidedBy: string): Promise<void> {
    const rule = this.settings.assignmentRules[lead.source];
    if (!rule) return;
    const placed = rule.strategy === 'nearest-dealer' ? lead.partnerId : lead.ownerId;
    if (!placed) await this.apply(tx, lead, rule, decidedBy);
  }

  async apply(
    tx: EntityManager,
    lead: Lead,
    rule: AssignmentRule,
    decidedBy: string,
  ): Promise<AssignmentMiss | null> {
    const decision =
      rule.strategy === 'nearest-dealer'
        ? await this.nearestDealer(tx, lead, decidedBy)
        : await this.roundRobin(tx, rule.managerId, decidedBy);
    if (typeof decision === 'string') return decision;
    if (decision.strategy === 'nearest-dealer') lead.partnerId = decision.partnerId;
    else lead.ownerId = decision.ownerId;
    lead.assignment = decision;
    lead.updatedAt = decision.decidedAt;
    return null;
  }

  private async nearestDealer(tx: EntityManager, lead: Lead, decidedBy: string) {
    if (!lead.location) return 'no-location' as const;
    const [chosen, ...others] = await this.dealers.findNearestSelling(
      tx,
      lead.location,
      lead.interest.model,
      TIE_LOOKAHEAD,
    );
    if (!chosen) return 'no-dealer' as const;
    const decision: LeadAssignment = {
      strategy: 'nearest-dealer',
      partnerId: chosen.partnerId,
      dealerCode: chosen.code,
      distanceMeters: chosen.distanceMeters,
      openLeads: chosen.openLeads,
      tiedWith: others.filter((d) => d.distanceMeters === chosen.distanceMeters).map((d) => d.code),
      decidedBy,
      decidedAt: this.clock.now().toISOString(),
    };
    return decision;
  }

  private async roundRobin(tx: EntityManager, managerId: string, decidedBy: string) {
    const turn = await this.rotation.nextTurn(tx, managerId);
    if (!turn) return 'no-reps' as const;
    const decision: LeadAssignment = {
      strategy: 'round-robin',
      managerId,
      ...turn,
      decidedBy,
      decidedAt: this.clock.now().toISOString(),
    };
    return decision;
  }
}
