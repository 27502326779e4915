import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { Clock, IdGenerator } from '@crm/core';
import { TASK_ROLES, TaskAssignee } from '../tasks/workflow-task';
import { WorkflowTaskRepository } from '../tasks/workflow-task.repository';
import { renderTemplate } from './action-template';
import { FiringInput, RenderedAction, ActionRun, WorkflowAction } from './workflow-action';

const MINUTES_PER_YEAR = 525_600;

const schema = z.strictObject({
  type: z.literal('create-task'),
  /** May hold `{{ payload.path }}` placeholders. */
  title: z.string().trim().min(1).max(200),
  assignee: z.union([
    z.strictObject({ role: z.enum(TASK_ROLES as [string, ...string[]]) }),
    z.strictObject({ userId: z.string().trim().min(1).max(200) }),
  ]),
  /** The task is due this long after the firing. */
  dueInMinutes: z.number().int().min(1).max(MINUTES_PER_YEAR),
});
type CreateTaskConfig = z.infer<typeof schema>;

interface RenderedTask extends RenderedAction {
  type: 'create-task';
  title: string;
  assignee: TaskAssignee;
  dueAt: string;
}

/** A task for a role or a person, due some time after the firing; one per firing, however often it runs. */
@Injectable()
export class CreateTaskAction extends WorkflowAction<CreateTaskConfig, RenderedTask> {
  readonly type = 'create-task';
  readonly schema = schema;

  constructor(
    private readonly tasks: WorkflowTaskRepository,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {
    super();
  }

  templates(config: CreateTaskConfig): Record<string, string> {
    return { title: config.title };
  }

  render(config: CreateTaskConfig, input: FiringInput, now: Date): RenderedTask {
    return {
      type: 'create-task',
      title: renderTemplate(config.title, input).slice(0, 500),
      assignee: config.assignee as TaskAssignee,
      dueAt: new Date(now.getTime() + config.dueInMinutes * 60_000).toISOString(),
    };
  }

  async execute(rendered: RenderedTask, run: ActionRun): Promise<void> {
    await this.tasks.insertOnce({
      taskId: this.ids.next(),
      firingId: run.firingId,
      actionIndex: run.actionIndex,
      ruleId: run.ruleId,
      title: rendered.title,
      assignee: rendered.assignee,
      dueAt: rendered.dueAt,
      createdAt: this.clock.now(),
    });
  }
}
