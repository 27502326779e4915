import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '@crm/contracts';
import { TaskAssignee, TaskStatus, WorkflowTask } from './workflow-task';

export interface NewTask {
  taskId: string;
  firingId: string;
  actionIndex: number;
  ruleId: string;
  title: string;
  assignee: TaskAssignee;
  dueAt: string;
  createdAt: Date;
}

interface TaskRow {
  task_id: string;
  rule_id: string;
  firing_id: string;
  title: string;
  assignee_role: Role | null;
  assignee_user_id: string | null;
  due_at: Date;
  status: TaskStatus;
  created_at: Date;
  completed_at: Date | null;
  completed_by: string | null;
}

const COLUMNS = `task_id, rule_id, firing_id, title, assignee_role, assignee_user_id, due_at, status, created_at,
  completed_at, completed_by`;

/** Tasks created by firings: one per firing and action, whatever runs the action again. */
@Injectable()
export class WorkflowTaskRepository {
  constructor(private readonly db: DataSource) {}

  async insertOnce(task: NewTask): Promise<void> {
    await this.db.query(
      `INSERT INTO integration.workflow_task (task_id, firing_id, action_index, rule_id, title, assignee_role,
         assignee_user_id, due_at, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9) ON CONFLICT (firing_id, action_index) DO NOTHING`,
      [
        task.taskId,
        task.firingId,
        task.actionIndex,
        task.ruleId,
        task.title,
        'role' in task.assignee ? task.assignee.role : null,
        'userId' in task.assignee ? task.assignee.userId : null,
        task.dueAt,
        task.createdAt,
      ],
    );
  }

  /** Tasks assigned to this user or to one of these roles, soonest due first; all tasks when `everyone`. */
  async forAssignee(
    userId: string,
    roles: Role[],
    everyone: boolean,
    status: TaskStatus,
    limit: number,
    offset: number,
  ): Promise<WorkflowTask[]> {
    const rows: TaskRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM integration.workflow_task
        WHERE status = $1 AND ($2 OR assignee_user_id = $3 OR assignee_role = ANY($4))
        ORDER BY due_at, task_id LIMIT $5 OFFSET $6`,
      [status, everyone, userId, roles, limit, offset],
    );
    return rows.map(toTask);
  }

  async find(taskId: string): Promise<WorkflowTask | null> {
    const [row]: TaskRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM integration.workflow_task WHERE task_id = $1`,
      [taskId],
    );
    return row ? toTask(row) : null;
  }

  /** Completes an open task; completing a done one changes nothing. */
  async complete(taskId: string, by: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE integration.workflow_task SET status = 'done', completed_at = $3, completed_by = $2
        WHERE task_id = $1 AND status = 'open'`,
      [taskId, by, at],
    );
  }
}

function toTask(row: TaskRow): WorkflowTask {
  return {
    taskId: row.task_id,
    ruleId: row.rule_id,
    firingId: row.firing_id,
    title: row.title,
    assignee: row.assignee_role ? { role: row.assignee_role } : { userId: row.assignee_user_id as string },
    dueAt: row.due_at.toISOString(),
    status: row.status,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
    completedBy: row.completed_by,
  };
}
