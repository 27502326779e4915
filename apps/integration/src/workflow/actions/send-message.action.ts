import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { FieldError } from '@crm/core';
import { renderTemplate } from './action-template';
import { MESSAGE_CHANNELS, MessageChannel, MessageChannels } from './message-channels';
import { ActionRun, FiringInput, RenderedAction, WorkflowAction } from './workflow-action';

const schema = z
  .strictObject({
    type: z.literal('send-message'),
    channel: z.enum(MESSAGE_CHANNELS),
    /** Staff email addresses or phone numbers (integration knows no customer's consent). */
    to: z.array(z.string().trim().min(3).max(200)).min(1).max(20),
    /** Email only; may hold placeholders. */
    subject: z.string().trim().min(1).max(200).optional(),
    text: z.string().trim().min(1).max(2_000),
  })
  .refine((config) => config.channel === 'email' || config.subject === undefined, {
    message: 'an SMS has no subject',
    path: ['subject'],
  });
type SendMessageConfig = z.infer<typeof schema>;

interface RenderedMessage extends RenderedAction {
  type: 'send-message';
  channel: MessageChannel;
  to: string[];
  subject: string | null;
  text: string;
}

/** A templated email or SMS to staff recipients, each message id stable across retries (firing, action, recipient). */
@Injectable()
export class SendMessageAction extends WorkflowAction<SendMessageConfig, RenderedMessage> {
  readonly type = 'send-message';
  readonly schema = schema as z.ZodType<SendMessageConfig>;

  constructor(private readonly channels: MessageChannels) {
    super();
  }

  templates(config: SendMessageConfig): Record<string, string> {
    return { ...(config.subject ? { subject: config.subject } : {}), text: config.text };
  }

  override async check(config: SendMessageConfig): Promise<FieldError[]> {
    const unavailable = this.channels.unavailable(config.channel);
    if (unavailable) return [{ field: 'channel', message: unavailable }];
    return config.to.flatMap((to, index) => {
      const refused = this.channels.refusedRecipient(config.channel, to);
      return refused ? [{ field: `to[${index}]`, message: refused }] : [];
    });
  }

  render(config: SendMessageConfig, input: FiringInput): RenderedMessage {
    return {
      type: 'send-message',
      channel: config.channel,
      to: config.to,
      subject: config.subject ? renderTemplate(config.subject, input) : null,
      text: renderTemplate(config.text, input),
    };
  }

  async execute(rendered: RenderedMessage, run: ActionRun): Promise<void> {
    for (const [index, to] of rendered.to.entries())
      await this.channels.send(rendered.channel, {
        messageId: `${run.idempotencyKey}.${index}`,
        to,
        subject: rendered.subject,
        text: rendered.text,
      });
  }
}
