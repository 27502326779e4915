import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { FieldError } from '@crm/core';
import { SubscriberRefused, SubscriberTargets } from './subscriber-targets';
import { ActionRun, FiringInput, RenderedAction, WorkflowAction } from './workflow-action';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

const schema = z.strictObject({
  type: z.literal('call-subscriber'),
  /** Receives a POST of the firing's input; https and a public address unless the settings allow local ones. */
  url: z.string().trim().min(1).max(2_000),
});
type CallSubscriberConfig = z.infer<typeof schema>;

interface RenderedCall extends RenderedAction {
  type: 'call-subscriber';
  url: string;
  body: { ruleId?: string; event?: unknown; scheduledAt?: string };
}

/**
 * An HTTP POST of the event (or the scheduled time) to a subscriber; any 2xx is done, anything else is retried.
 * Every retry carries the same `Idempotency-Key`, so the subscriber counts one call per firing.
 */
@Injectable()
export class CallSubscriberAction extends WorkflowAction<CallSubscriberConfig, RenderedCall> {
  readonly type = 'call-subscriber';
  readonly schema = schema;

  constructor(private readonly targets: SubscriberTargets) {
    super();
  }

  templates(): Record<string, string> {
    return {};
  }

  override async check(config: CallSubscriberConfig): Promise<FieldError[]> {
    try {
      await this.targets.check(config.url);
      return [];
    } catch (error) {
      if (error instanceof SubscriberRefused) return [{ field: 'url', message: `the URL ${error.message}` }];
      throw error;
    }
  }

  render(config: CallSubscriberConfig, input: FiringInput): RenderedCall {
    return { type: 'call-subscriber', url: config.url, body: { ...input } };
  }

  async execute(rendered: RenderedCall, run: ActionRun): Promise<void> {
    const body = JSON.stringify({ firingId: run.firingId, ruleId: run.ruleId, ...rendered.body });
    const status = await this.targets.post(rendered.url, { [IDEMPOTENCY_HEADER]: run.idempotencyKey }, body);
    if (status < 200 || status >= 300) throw new Error(`HTTP ${status}`);
  }
}
