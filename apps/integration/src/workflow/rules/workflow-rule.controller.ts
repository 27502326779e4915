import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { InvalidInputError } from '@crm/core';
import { isDateTime, PageQuery, UuidPipe } from '@crm/http';
import {
  DryRunRequest,
  DryRunView,
  FiringPage,
  WorkflowRuleInput,
  WorkflowRulePage,
  WorkflowRuleReplacement,
  WorkflowRuleView,
} from './dto/workflow-rule.dto';
import { DryRunResult } from './rule-dry-run';
import { WorkflowRule } from './workflow-rule';
import { WorkflowRuleService } from './workflow-rule.service';

/** Workflow rules: admins only (ADR 0038). */
@ApiTags('workflow')
@ApiBearerAuth()
@Controller('workflow/rules')
@Roles(R.admin)
export class WorkflowRuleController {
  constructor(private readonly rules: WorkflowRuleService) {}

  @Post()
  @ApiOperation({
    summary: 'Add a rule: when <event or cron> and <condition> then <actions>',
    description: 'An unknown event type, a field the event does not have or a bad action is a 400 naming it.',
  })
  @ApiBody({ type: WorkflowRuleInput })
  @ApiCreatedResponse({ type: WorkflowRuleView })
  create(@Body() body: unknown): Promise<WorkflowRule> {
    return this.rules.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'The rules, oldest first' })
  @ApiOkResponse({ type: WorkflowRulePage })
  async list(@Query() page: PageQuery): Promise<{ items: WorkflowRule[]; limit: number; offset: number }> {
    return { items: await this.rules.list(page.limit, page.offset), ...page };
  }

  @Post('dry-run')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Try an unsaved rule on the events kept lately (or a cron rule on its times): what would fire, no effect',
  })
  @ApiBody({ type: DryRunRequest })
  @ApiOkResponse({ type: DryRunView })
  dryRun(@Body() body: unknown): Promise<DryRunResult> {
    const request = (typeof body === 'object' && body !== null ? body : {}) as {
      rule?: unknown;
      since?: unknown;
    };
    if (request.since !== undefined && !isDateTime(request.since))
      throw new InvalidInputError([{ field: 'since', message: 'an ISO-8601 date-time' }]);
    const extra = Object.keys(request).filter((key) => key !== 'rule' && key !== 'since');
    if (extra.length)
      throw new InvalidInputError(extra.map((field) => ({ field, message: 'unknown field' })));
    return this.rules.tryDry(request.rule, request.since ? new Date(request.since as string) : null);
  }

  @Get(':id')
  @ApiOkResponse({ type: WorkflowRuleView })
  get(@Param('id', UuidPipe) id: string): Promise<WorkflowRule> {
    return this.rules.get(id);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace a rule (also to enable or disable it), from the version you read',
    description:
      'Send the version you read; if someone changed the rule since, the answer is 409 with currentVersion.',
  })
  @ApiBody({ type: WorkflowRuleReplacement })
  @ApiOkResponse({ type: WorkflowRuleView })
  @ApiConflictResponse({ description: 'The rule changed since that version' })
  replace(@Param('id', UuidPipe) id: string, @Body() body: unknown): Promise<WorkflowRule> {
    const { version, ...rule } = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      throw new InvalidInputError([
        { field: 'version', message: 'the version you read (a whole number from 1)' },
      ]);
    return this.rules.replace(id, version, rule);
  }

  @Get(':id/firings')
  @ApiOperation({ summary: "A rule's firings, newest first, each with its input, actions and attempts" })
  @ApiOkResponse({ type: FiringPage })
  async firings(@Param('id', UuidPipe) id: string, @Query() page: PageQuery) {
    return { items: await this.rules.firingsOf(id, page.limit, page.offset), ...page };
  }
}
