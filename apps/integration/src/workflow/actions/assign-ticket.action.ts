import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { TicketAssignmentRequested } from '@crm/contracts';
import { Clock } from '@crm/core';
import { renderTemplate } from './action-template';
import { ActionRun, FiringInput, RenderedAction, WorkflowAction } from './workflow-action';
import { WorkflowCommands } from './workflow-commands';

const NOTE_LENGTH = 500;

const schema = z.strictObject({
  type: z.literal('assign-ticket'),
  /** The ticket, usually `{{ticketId}}` of a ticket event. */
  ticketId: z.string().trim().min(1).max(200).default('{{ticketId}}'),
  /** The repair station: an id, or a placeholder of the event that holds one. */
  stationId: z.string().trim().min(1).max(200),
  /** Why, for the ticket's timeline; may hold placeholders. */
  note: z.string().trim().min(1).max(NOTE_LENGTH),
});
type AssignConfig = z.infer<typeof schema>;

interface RenderedAssignment extends RenderedAction {
  type: 'assign-ticket';
  ticketId: string;
  stationId: string;
  note: string;
}

const isUuid = z.uuid();

/**
 * Asks the service app, which owns tickets, to send one to a named station (workflow-command.ticket-assignment-
 * requested): the rule's author chose the station as a service manager re-routing by hand does (ADR 0041).
 */
@Injectable()
export class AssignTicketAction extends WorkflowAction<AssignConfig, RenderedAssignment> {
  readonly type = 'assign-ticket';
  readonly schema = schema as unknown as z.ZodType<AssignConfig>;

  constructor(
    private readonly commands: WorkflowCommands,
    private readonly clock: Clock,
  ) {
    super();
  }

  templates(config: AssignConfig): Record<string, string> {
    return { ticketId: config.ticketId, stationId: config.stationId, note: config.note };
  }

  render(config: AssignConfig, input: FiringInput): RenderedAssignment {
    return {
      type: 'assign-ticket',
      ticketId: renderTemplate(config.ticketId, input),
      stationId: renderTemplate(config.stationId, input),
      note: renderTemplate(config.note, input).slice(0, NOTE_LENGTH),
    };
  }

  async execute(rendered: RenderedAssignment, run: ActionRun): Promise<void> {
    for (const field of ['ticketId', 'stationId'] as const)
      if (!isUuid.safeParse(rendered[field]).success)
        throw new Error(`assign-ticket needs a ${field} that is an id, got "${rendered[field]}"`);
    await this.commands.sendOnce(
      TicketAssignmentRequested,
      rendered.ticketId,
      {
        ticketId: rendered.ticketId,
        stationId: rendered.stationId,
        note: rendered.note,
        ruleId: run.ruleId,
        firingId: run.firingId,
        requestedAt: this.clock.now().toISOString(),
      },
      run,
    );
  }
}
