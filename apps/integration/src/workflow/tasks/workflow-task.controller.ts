import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { UuidPipe } from '@crm/http';
import { TaskQuery, WorkflowTaskPage, WorkflowTaskView } from './dto/workflow-task.dto';
import { TASK_ROLES, WorkflowTask } from './workflow-task';
import { WorkflowTaskService } from './workflow-task.service';

/** Tasks created by workflow rules, for staff; partners have none. */
@ApiTags('workflow')
@ApiBearerAuth()
@Controller('workflow/tasks')
@Roles(...TASK_ROLES)
export class WorkflowTaskController {
  constructor(private readonly tasks: WorkflowTaskService) {}

  @Get()
  @ApiOperation({ summary: 'Tasks assigned to me or to one of my roles, soonest due first (admins see all)' })
  @ApiOkResponse({ type: WorkflowTaskPage })
  async mine(@CurrentPrincipal() principal: Principal, @Query() query: TaskQuery) {
    const items = await this.tasks.mine(principal, query.status, query.limit, query.offset);
    return { items, limit: query.limit, offset: query.offset };
  }

  @Post(':id/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Complete a task assigned to me or my role; completing it again changes nothing' })
  @ApiOkResponse({ type: WorkflowTaskView })
  @ApiForbiddenResponse({ description: 'The task is assigned to someone else' })
  complete(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<WorkflowTask> {
    return this.tasks.complete(principal, id);
  }
}
