import { Inject, Injectable } from '@nestjs/common';
import { Clock, ConflictError, IdGenerator, NotFoundError } from '@crm/core';
import { FiringView } from '../firings/workflow-firing';
import { WorkflowFiringRepository } from '../firings/workflow-firing.repository';
import { WORKFLOW_SETTINGS, WorkflowSettings } from '../workflow-settings';
import { DryRunResult, RuleDryRun } from './rule-dry-run';
import { RuleParser } from './rule-parser';
import { WorkflowRule } from './workflow-rule';
import { WorkflowRuleRepository } from './workflow-rule.repository';

/** Rules configured by admins: validated on every write, replaced only from the version read, tried dry. */
@Injectable()
export class WorkflowRuleService {
  constructor(
    private readonly rules: WorkflowRuleRepository,
    private readonly firings: WorkflowFiringRepository,
    private readonly parser: RuleParser,
    private readonly dryRun: RuleDryRun,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    @Inject(WORKFLOW_SETTINGS) private readonly settings: WorkflowSettings,
  ) {}

  async create(body: unknown): Promise<WorkflowRule> {
    const draft = await this.parser.parse(body);
    return this.rules.insert(this.ids.next(), draft, this.clock.now());
  }

  async replace(ruleId: string, version: number, body: unknown): Promise<WorkflowRule> {
    await this.get(ruleId);
    const draft = await this.parser.parse(body);
    const replaced = await this.rules.update(ruleId, version, draft, this.clock.now());
    if (replaced) return replaced;
    throw new ConflictError(`The rule changed since version ${version}; read it again`, {
      currentVersion: (await this.get(ruleId)).version,
    });
  }

  async get(ruleId: string): Promise<WorkflowRule> {
    const rule = await this.rules.find(ruleId);
    if (!rule) throw new NotFoundError('workflow rule', ruleId);
    return rule;
  }

  list(limit: number, offset: number): Promise<WorkflowRule[]> {
    return this.rules.list(limit, offset);
  }

  async firingsOf(ruleId: string, limit: number, offset: number): Promise<FiringView[]> {
    await this.get(ruleId);
    return this.firings.forRule(ruleId, limit, offset);
  }

  async tryDry(body: unknown, since: Date | null): Promise<DryRunResult> {
    const draft = await this.parser.parse(body, 'rule');
    return this.dryRun.run(draft, since, this.settings.recentEventDays);
  }
}
