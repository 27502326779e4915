import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { CustomerTagRequested, MAX_CUSTOMER_TAG_LENGTH } from '@crm/contracts';
import { Clock } from '@crm/core';
import { renderTemplate } from './action-template';
import { ActionRun, FiringInput, RenderedAction, WorkflowAction } from './workflow-action';
import { WorkflowCommands } from './workflow-commands';

const schema = z.strictObject({
  type: z.literal('add-tag'),
  /** The customer, usually `{{customerId}}` of the event. */
  customerId: z.string().trim().min(1).max(200).default('{{customerId}}'),
  /** May hold placeholders; at most 50 characters once rendered. */
  tag: z.string().trim().min(1).max(MAX_CUSTOMER_TAG_LENGTH),
});
type AddTagConfig = z.infer<typeof schema>;

interface RenderedTag extends RenderedAction {
  type: 'add-tag';
  customerId: string;
  tag: string;
}

const isUuid = z.uuid();

/** Asks customer-master, which owns customers, to add a tag (workflow-command.customer-tag-requested). */
@Injectable()
export class AddTagAction extends WorkflowAction<AddTagConfig, RenderedTag> {
  readonly type = 'add-tag';
  readonly schema = schema as unknown as z.ZodType<AddTagConfig>;

  constructor(
    private readonly commands: WorkflowCommands,
    private readonly clock: Clock,
  ) {
    super();
  }

  templates(config: AddTagConfig): Record<string, string> {
    return { customerId: config.customerId, tag: config.tag };
  }

  render(config: AddTagConfig, input: FiringInput): RenderedTag {
    return {
      type: 'add-tag',
      customerId: renderTemplate(config.customerId, input),
      tag: renderTemplate(config.tag, input).trim().slice(0, MAX_CUSTOMER_TAG_LENGTH),
    };
  }

  async execute(rendered: RenderedTag, run: ActionRun): Promise<void> {
    if (!isUuid.safeParse(rendered.customerId).success || !rendered.tag)
      throw new Error(
        `add-tag needs a customer id and a tag, got "${rendered.customerId}" and "${rendered.tag}"`,
      );
    await this.commands.sendOnce(
      CustomerTagRequested,
      rendered.customerId,
      {
        customerId: rendered.customerId,
        tag: rendered.tag,
        ruleId: run.ruleId,
        firingId: run.firingId,
        requestedAt: this.clock.now().toISOString(),
      },
      run,
    );
  }
}
