import { ALL_SKIP_REASONS, RecipientSkipReason } from '@crm/contracts';

/** Where a campaign's recipients stand: waiting (queued or being sent), sent, failed for good, skipped and why. */
export interface CampaignProgress {
  total: number;
  queued: number;
  sent: number;
  failed: number;
  /** The control group: frozen, never sent (ADR 0032). */
  heldOut: number;
  skipped: Record<RecipientSkipReason, number>;
}

export function progressFrom(
  rows: { status: string; reason: RecipientSkipReason | null; count: number }[],
): CampaignProgress {
  const progress: CampaignProgress = {
    total: 0,
    queued: 0,
    sent: 0,
    failed: 0,
    heldOut: 0,
    skipped: Object.fromEntries(ALL_SKIP_REASONS.map((reason) => [reason, 0])) as Record<
      RecipientSkipReason,
      number
    >,
  };
  for (const { status, reason, count } of rows) {
    progress.total += count;
    if (status === 'skipped' && reason) progress.skipped[reason] += count;
    else if (status === 'queued' || status === 'sending') progress.queued += count;
    else if (status === 'sent' || status === 'failed') progress[status] += count;
    else if (status === 'holdout') progress.heldOut += count;
  }
  return progress;
}
