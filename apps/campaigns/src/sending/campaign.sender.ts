import { Inject, Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { RecipientSkipReason, RecipientSkipReasons } from '@crm/contracts';
import { Clock } from '@crm/core';
import {
  DeliveryDispatcher,
  describeSendError,
  RecordedAttempt,
  SEND_TIMEOUT_MS,
  StartedAttempt,
} from '@crm/messaging';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../campaigns-settings';
import { CampaignTemplate, CompiledTemplate } from '../campaigns/campaign-template';
import { SmsTemplate, smsParams } from '../campaigns/sms-template';
import { MessageTracking } from '../tracking/message-tracking';
import { CampaignChannels } from './campaign-channels';
import { CampaignMessage } from './campaign-message';
import { CampaignRecipientRepository } from './campaign-recipient.repository';
import { CoalescedWrites } from './coalesced-writes';
import { FrequencyCapRepository } from './frequency-cap.repository';
import { quietUntil } from './quiet-hours';
import { campaignSends } from './campaign-send.metrics';
import { DueRecipient, idempotencyKey, RecipientKey, RecipientOutcome } from './recipient';
import { UnsubscribeTokens } from './unsubscribe-token';

const MAX_BATCH = 50;
/** A pooled SMTP send can spend a send timeout on each of connect, greeting and a silent socket, after its pace. */
const SEND_WITHIN_MS = 3 * SEND_TIMEOUT_MS + 1_000;
const CACHED_TEMPLATES = 100;

type BegunAttempt = { key: RecipientKey; attempt: StartedAttempt };
type RecordedOutcome = { key: RecipientKey; outcome: RecordedAttempt<RecipientOutcome> };

/**
 * Sends frozen recipients in SKIP LOCKED batches (the shared delivery dispatcher): each row is marked sending with a
 * lease in the statement that claims it, and sent only after that commits, so a crash never skips one. A send whose
 * server accepted it just before the process died is sent once more when the lease lapses: at most one repeat per
 * recipient in flight at the crash, carrying the same Message-ID and recipient header (the idempotency key).
 */
@Injectable()
export class CampaignSender extends DeliveryDispatcher<DueRecipient, RecipientOutcome> {
  private readonly templates = new Map<string, CompiledTemplate>();
  /** A batch's attempts and outcomes are written a statement (and a commit) at a time, not one per recipient. */
  private readonly attemptsBegun = new CoalescedWrites((attempts: BegunAttempt[]) =>
    this.recipients.beginAttempts(attempts),
  );
  private readonly outcomes = new CoalescedWrites((outcomes: RecordedOutcome[]) =>
    this.recipients.recordAll(outcomes),
  );

  constructor(
    private readonly recipients: CampaignRecipientRepository,
    private readonly channels: CampaignChannels,
    private readonly tokens: UnsubscribeTokens,
    private readonly caps: FrequencyCapRepository,
    private readonly tracking: MessageTracking,
    clock: Clock,
    @Inject(CAMPAIGNS_SETTINGS) private readonly settings: CampaignsSettings,
  ) {
    super(clock, {
      name: CampaignSender.name,
      background: settings.backgroundJobs && channels.configured,
      pollIntervalMs: settings.pollIntervalMs,
      sendTimeoutMs: SEND_WITHIN_MS,
      batchSize: channels.configured ? Math.min(MAX_BATCH, channels.slowestRatePerSecond) : MAX_BATCH,
    });
  }

  protected claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueRecipient[]> {
    return this.recipients.claimDue(now, leaseUntil, limit);
  }

  protected beginAttempt(recipient: DueRecipient, attempt: StartedAttempt): Promise<void> {
    return this.attemptsBegun.write({ key: recipient, attempt });
  }

  protected async send(recipient: DueRecipient): Promise<RecipientOutcome> {
    const skipped = reasonToSkip(recipient);
    const channel = this.channels.get(recipient.channel);
    if (skipped || !channel)
      return { error: skipped ? null : `no ${recipient.channel} sender`, durationMs: 0, skipped };
    const deferredUntil = this.quietUntil(recipient);
    if (deferredUntil) return { error: null, durationMs: 0, skipped: null, deferredUntil };
    if (!(await this.placeUnderCap(recipient)))
      return { error: null, durationMs: 0, skipped: RecipientSkipReasons.frequencyCap };
    await channel.pacer.take();
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      await channel.sender.send(this.messageFor(recipient, recipient.address as string));
      return { error: null, durationMs: elapsed(), skipped: null };
    } catch (error) {
      return { error: describeSendError(error), durationMs: elapsed(), skipped: null };
    }
  }

  protected async record(recipient: DueRecipient, attempt: RecordedAttempt<RecipientOutcome>): Promise<void> {
    if (attempt.deferredUntil) await this.recipients.defer(recipient, attempt.deferredUntil);
    else await this.outcomes.write({ key: recipient, outcome: attempt });
    campaignSends.inc({ channel: recipient.channel, outcome: outcomeOf(attempt) });
  }

  override async onApplicationShutdown(): Promise<void> {
    await super.onApplicationShutdown();
    this.channels.close();
  }

  /** In the channel's quiet hours (the customer's local time), when they end; null when it may go now. */
  private quietUntil(recipient: DueRecipient): Date | null {
    const hours = this.settings.quietHours[recipient.channel];
    return hours ? quietUntil(hours, this.clock.now(), this.settings.timeZone) : null;
  }

  private placeUnderCap(recipient: DueRecipient): Promise<boolean> {
    const cap = this.settings.frequencyCaps[recipient.channel];
    return cap
      ? this.caps.reserve(recipient, recipient.channel, cap, this.clock.now())
      : Promise.resolve(true);
  }

  private messageFor(recipient: DueRecipient, address: string): CampaignMessage {
    if (recipient.channel === 'sms') {
      const template = recipient.template as SmsTemplate;
      return {
        channel: 'sms',
        idempotencyKey: idempotencyKey(recipient),
        to: address,
        templateId: template.providerTemplateId,
        params: smsParams(template, recipient),
      };
    }
    return this.emailFor(recipient, address);
  }

  private emailFor(recipient: DueRecipient, address: string): CampaignMessage {
    const unsubscribeUrl = `${this.settings.unsubscribeBaseUrl}${this.tokens.sign(recipient)}`;
    const content = this.templateOf(recipient).render(recipient.language, {
      name: recipient.name ?? '',
      model: recipient.model,
      city: recipient.city,
      unsubscribeUrl,
    });
    const tracked = this.tracking.track(
      { ...recipient, template: recipient.template as CampaignTemplate },
      content,
    );
    return {
      channel: 'email',
      idempotencyKey: idempotencyKey(recipient),
      to: address,
      ...content,
      ...tracked,
      unsubscribeUrl,
    };
  }

  private templateOf(recipient: DueRecipient): CompiledTemplate {
    let compiled = this.templates.get(recipient.campaignId);
    if (!compiled) {
      if (this.templates.size >= CACHED_TEMPLATES) this.templates.clear();
      compiled = new CompiledTemplate(recipient.template as CampaignTemplate);
      this.templates.set(recipient.campaignId, compiled);
    }
    return compiled;
  }
}

/** Consent and erasure are checked again at the send itself: either may have changed since the freeze. */
function reasonToSkip(recipient: DueRecipient): RecipientSkipReason | null {
  if (recipient.erased) return RecipientSkipReasons.erased;
  if (!recipient.consented) return RecipientSkipReasons.noConsent;
  return recipient.address ? null : RecipientSkipReasons.noAddress;
}

function outcomeOf(attempt: RecordedAttempt<RecipientOutcome>): string {
  if (attempt.deferredUntil) return 'deferred';
  if (attempt.skipped) return 'skipped';
  if (attempt.delivered) return 'sent';
  return attempt.nextAttemptAt ? 'retrying' : 'failed';
}
