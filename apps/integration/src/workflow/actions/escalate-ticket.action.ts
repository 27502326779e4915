import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { TicketEscalationRequested } from '@crm/contracts';
import { Clock } from '@crm/core';
import { renderTemplate } from './action-template';
import { ActionRun, FiringInput, RenderedAction, WorkflowAction } from './workflow-action';
import { WorkflowCommands } from './workflow-commands';

const NOTE_LENGTH = 500;

const schema = z.strictObject({
  type: z.literal('escalate-ticket'),
  /** The ticket, usually `{{ticketId}}` of a ticket event. */
  ticketId: z.string().trim().min(1).max(200).default('{{ticketId}}'),
  /** Why, for the ticket's timeline; may hold placeholders. */
  note: z.string().trim().min(1).max(NOTE_LENGTH),
});
type EscalateConfig = z.infer<typeof schema>;

interface RenderedEscalation extends RenderedAction {
  type: 'escalate-ticket';
  ticketId: string;
  note: string;
}

const isUuid = z.uuid();

/** Asks the service app, which owns tickets, to escalate one (workflow-command.ticket-escalation-requested). */
@Injectable()
export class EscalateTicketAction extends WorkflowAction<EscalateConfig, RenderedEscalation> {
  readonly type = 'escalate-ticket';
  readonly schema = schema as unknown as z.ZodType<EscalateConfig>;

  constructor(
    private readonly commands: WorkflowCommands,
    private readonly clock: Clock,
  ) {
    super();
  }

  templates(config: EscalateConfig): Record<string, string> {
    return { ticketId: config.ticketId, note: config.note };
  }

  render(config: EscalateConfig, input: FiringInput): RenderedEscalation {
    return {
      type: 'escalate-ticket',
      ticketId: renderTemplate(config.ticketId, input),
      note: renderTemplate(config.note, input).slice(0, NOTE_LENGTH),
    };
  }

  async execute(rendered: RenderedEscalation, run: ActionRun): Promise<void> {
    if (!isUuid.safeParse(rendered.ticketId).success)
      throw new Error(`escalate-ticket needs a ticket id, got "${rendered.ticketId}"`);
    await this.commands.sendOnce(
      TicketEscalationRequested,
      rendered.ticketId,
      {
        ticketId: rendered.ticketId,
        note: rendered.note,
        ruleId: run.ruleId,
        firingId: run.firingId,
        requestedAt: this.clock.now().toISOString(),
      },
      run,
    );
  }
}
