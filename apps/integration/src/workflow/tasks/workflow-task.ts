import { Role, STAFF_ROLES } from '@crm/contracts';

/** Staff roles a task may be assigned to, and who may list and complete tasks; partners have no workflow tasks. */
export const TASK_ROLES: Role[] = [...STAFF_ROLES];

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export type TaskAssignee = { role: Role } | { userId: string };

export interface WorkflowTask {
  taskId: string;
  ruleId: string;
  firingId: string;
  title: string;
  assignee: TaskAssignee;
  dueAt: string;
  status: TaskStatus;
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}
