import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Roles } from '@crm/contracts';
import { Clock, ForbiddenError, NotFoundError } from '@crm/core';
import { TaskStatus, WorkflowTask } from './workflow-task';
import { WorkflowTaskRepository } from './workflow-task.repository';

/** The tasks firings created, seen and completed by their assignees (a person, or anyone holding the role). */
@Injectable()
export class WorkflowTaskService {
  constructor(
    private readonly tasks: WorkflowTaskRepository,
    private readonly clock: Clock,
  ) {}

  mine(principal: Principal, status: TaskStatus, limit: number, offset: number): Promise<WorkflowTask[]> {
    return this.tasks.forAssignee(
      principal.subject,
      principal.roles,
      isAdmin(principal),
      status,
      limit,
      offset,
    );
  }

  async complete(principal: Principal, taskId: string): Promise<WorkflowTask> {
    const task = await this.tasks.find(taskId);
    if (!task) throw new NotFoundError('workflow task', taskId);
    if (!isAdmin(principal) && !assignedTo(task, principal))
      throw new ForbiddenError('the task is assigned to someone else');
    await this.tasks.complete(taskId, principal.subject, this.clock.now());
    return (await this.tasks.find(taskId)) as WorkflowTask;
  }
}

function isAdmin(principal: Principal): boolean {
  return principal.roles.includes(Roles.admin);
}

function assignedTo(task: WorkflowTask, principal: Principal): boolean {
  const assignee = task.assignee;
  return 'role' in assignee ? principal.roles.includes(assignee.role) : assignee.userId === principal.subject;
}
