import { compileSegmentRule, SegmentSql } from '../segments/segment-sql';
import { anniversariesOn } from './calendar-day';
import { CampaignSchedule, CampaignTrigger, TriggerKinds } from './campaign-schedule';
import { Occurrence } from './occurrence';

/** What one run of a campaign selects: its segment's members, and for a trigger those it selects that day. */
export function occurrenceAudience(
  campaignId: string,
  schedule: CampaignSchedule,
  occurrence: Occurrence,
  members: SegmentSql,
  now: Date,
): SegmentSql {
  if (schedule.kind === 'recurring') return members;
  return both(members, triggerCondition(campaignId, schedule.trigger, occurrence, now));
}

/** A condition over `campaigns.customer c`, its values bound from $1 like a segment's. */
function triggerCondition(
  campaignId: string,
  trigger: CampaignTrigger,
  occurrence: Occurrence,
  now: Date,
): SegmentSql {
  switch (trigger.kind) {
    case TriggerKinds.birthday:
      return {
        where: `to_char(c.birthday, 'MM-DD') = ANY($1::text[])`,
        params: [anniversariesOn(occurrence.day)],
      };
    case TriggerKinds.purchaseAnniversary:
      return {
        where: `EXISTS (SELECT 1 FROM campaigns.vehicle v WHERE v.owner_customer_id = c.id
                  AND to_char(v.purchase_date, 'MM-DD') = ANY($1::text[]) AND v.purchase_date < $2::date
                  AND ($3::int IS NULL OR date_part('year', $2::date) - date_part('year', v.purchase_date) = $3))`,
        params: [anniversariesOn(occurrence.day), occurrence.day, trigger.years ?? null],
      };
    case TriggerKinds.serviceDue:
      return both(
        compileSegmentRule({ field: 'monthsSinceService', min: trigger.months }, { currentMonth: 0, now }),
        notSentSinceLastService(campaignId),
      );
    case TriggerKinds.holiday:
      return { where: 'TRUE', params: [] };
  }
}

/** Once per due cycle: nobody this campaign already froze after their last service (a new service opens a cycle). */
const notSentSinceLastService = (campaignId: string): SegmentSql => ({
  where: `NOT EXISTS (SELECT 1 FROM campaigns.campaign_recipient r
            JOIN campaigns.campaign_occurrence o ON o.campaign_id = r.campaign_id AND o.step = r.step
            JOIN campaigns.customer_service s ON s.customer_id = r.customer_id
           WHERE r.campaign_id = $1 AND r.customer_id = c.id AND o.frozen_at > s.last_service_at)`,
  params: [campaignId],
});

/** Both conditions, the second's parameters renumbered after the first's. */
function both(first: SegmentSql, second: SegmentSql): SegmentSql {
  const shift = first.params.length;
  const where = second.where.replace(/\$(\d+)/g, (_, index: string) => `$${Number(index) + shift}`);
  return { where: `(${first.where}) AND (${where})`, params: [...first.params, ...second.params] };
}
