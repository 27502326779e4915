import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@crm/http';
import { TASK_STATUSES, TaskStatus } from '../workflow-task';

export class TaskQuery extends PageQuery {
  @ApiPropertyOptional({ enum: TASK_STATUSES, default: 'open' })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status: TaskStatus = 'open';
}

export class WorkflowTaskView {
  @ApiProperty({ format: 'uuid' }) taskId: string;
  @ApiProperty({ format: 'uuid' }) ruleId: string;
  @ApiProperty({ format: 'uuid' }) firingId: string;
  @ApiProperty({ example: 'Call back about ticket 7f1c…' }) title: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { role: 'service_manager' },
    description: '{ role } or { userId }',
  })
  assignee: unknown;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ enum: TASK_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) completedBy: string | null;
}

export class WorkflowTaskPage {
  @ApiProperty({ type: [WorkflowTaskView] }) items: WorkflowTaskView[];
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}
