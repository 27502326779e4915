import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventSubscriber } from '@crm/messaging';
import { workflowEventDefinitions } from '../rules/event-fields';
import { EventFirings } from './event-firings';

export const WORKFLOW_CONSUMER = 'workflow-rules';

/** Every event type of the contracts, read at its newest version, handed to the rules in one consumer group. */
@Injectable()
export class WorkflowEventConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly firings: EventFirings,
  ) {}

  onModuleInit(): void {
    for (const definition of workflowEventDefinitions())
      this.subscriber.on(WORKFLOW_CONSUMER, definition, (event, tx) => this.firings.onEvent(event, tx));
  }
}
