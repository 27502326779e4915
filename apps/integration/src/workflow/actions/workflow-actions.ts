import { Injectable } from '@nestjs/common';
import { AddTagAction } from './add-tag.action';
import { AssignTicketAction } from './assign-ticket.action';
import { CallSubscriberAction } from './call-subscriber.action';
import { CreateTaskAction } from './create-task.action';
import { EscalateTicketAction } from './escalate-ticket.action';
import { SendMessageAction } from './send-message.action';
import { WorkflowAction } from './workflow-action';

/** Every action a rule may name, by its type. */
@Injectable()
export class WorkflowActions {
  private readonly byType: Map<string, WorkflowAction>;

  constructor(
    createTask: CreateTaskAction,
    sendMessage: SendMessageAction,
    callSubscriber: CallSubscriberAction,
    addTag: AddTagAction,
    escalateTicket: EscalateTicketAction,
    assignTicket: AssignTicketAction,
  ) {
    const actions = [
      createTask,
      sendMessage,
      callSubscriber,
      addTag,
      escalateTicket,
      assignTicket,
    ] as unknown as WorkflowAction[];
    this.byType = new Map(actions.map((action) => [action.type, action]));
  }

  types(): string[] {
    return [...this.byType.keys()];
  }

  get(type: string): WorkflowAction | undefined {
    return this.byType.get(type);
  }
}
