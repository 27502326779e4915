import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@crm/platform';
import { IntegrationMessaging } from '../integration-messaging';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { AddTagAction } from './actions/add-tag.action';
import { CallSubscriberAction } from './actions/call-subscriber.action';
import { CreateTaskAction } from './actions/create-task.action';
import { AssignTicketAction } from './actions/assign-ticket.action';
import { EscalateTicketAction } from './actions/escalate-ticket.action';
import { MessageChannels } from './actions/message-channels';
import { SendMessageAction } from './actions/send-message.action';
import { SubscriberTargets } from './actions/subscriber-targets';
import { WorkflowActions } from './actions/workflow-actions';
import { WorkflowCommands } from './actions/workflow-commands';
import { EventFirings } from './firings/event-firings';
import { FiringExecutor } from './firings/firing-executor';
import { FiringWriter } from './firings/firing-writer';
import { RuleMatcher } from './firings/rule-matcher';
import { WorkflowEventConsumer } from './firings/workflow-event.consumer';
import { WorkflowFiringDispatcher } from './firings/workflow-firing.dispatcher';
import { WorkflowFiringRepository } from './firings/workflow-firing.repository';
import { RecentEventRepository } from './recent-events/recent-event.repository';
import { RuleDryRun } from './rules/rule-dry-run';
import { RuleParser } from './rules/rule-parser';
import { WorkflowRuleController } from './rules/workflow-rule.controller';
import { WorkflowRuleRepository } from './rules/workflow-rule.repository';
import { WorkflowRuleService } from './rules/workflow-rule.service';
import { WorkflowScheduler } from './schedules/workflow-scheduler';
import { WorkflowTaskController } from './tasks/workflow-task.controller';
import { WorkflowTaskRepository } from './tasks/workflow-task.repository';
import { WorkflowTaskService } from './tasks/workflow-task.service';
import { WORKFLOW_SETTINGS, workflowSettings } from './workflow-settings';

/** Workflow rules: when <event or cron> and <condition> then <actions>, each firing once (ADR 0038). */
@Module({
  imports: [IntegrationMessaging, SubscriptionsModule],
  controllers: [WorkflowRuleController, WorkflowTaskController],
  providers: [
    { provide: WORKFLOW_SETTINGS, inject: [PLATFORM_CONFIG], useFactory: workflowSettings },
    SubscriberTargets,
    MessageChannels,
    CreateTaskAction,
    SendMessageAction,
    CallSubscriberAction,
    WorkflowCommands,
    AddTagAction,
    EscalateTicketAction,
    AssignTicketAction,
    WorkflowActions,
    WorkflowRuleRepository,
    RuleParser,
    RuleDryRun,
    WorkflowRuleService,
    WorkflowFiringRepository,
    RuleMatcher,
    FiringExecutor,
    WorkflowFiringDispatcher,
    FiringWriter,
    EventFirings,
    WorkflowEventConsumer,
    RecentEventRepository,
    WorkflowScheduler,
    WorkflowTaskRepository,
    WorkflowTaskService,
  ],
})
export class WorkflowModule {}
