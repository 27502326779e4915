import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineStep } from './service-manager-queries';
import { dateTime } from './ticket-table';

/**
 * A ticket's steps, newest last: what happened, when, and who did it by the name the service app gives (a user's,
 * a station's); the system and the customer have none. The service manager's and the station's ticket pages.
 */
export function TicketTimeline({
  steps,
  stationName,
}: {
  steps: TimelineStep[];
  /** The name of the station a step concerns, where the page knows the stations ('' otherwise). */
  stationName: (stationId: string | null) => string;
}) {
  return (
    <Timeline
      data-testid="ticket-timeline"
      items={steps.map((step) => ({
        key: `${step.at}-${step.step}`,
        color: step.step === 'escalated' ? 'red' : 'blue',
        children: (
          <TimelineEntry
            step={step}
            stationName={step.actor.kind === 'partner' ? '' : stationName(step.stationId)}
          />
        ),
      }))}
    />
  );
}

function TimelineEntry({ step, stationName }: { step: TimelineStep; stationName: string }) {
  const { t } = useTranslation('serviceManager');
  // Named by the service app: a user's name, a station's; the system and the customer have none.
  const actorLabel = ({ id, kind, name }: TimelineStep['actor']) => {
    if (name) return name;
    if (kind === 'system') return t(id === 'customer' ? 'actor.customer' : 'actor.system');
    return t(`actor.${kind}`, { id: id.slice(0, 8) });
  };
  return (
    <>
      <Typography.Text strong>{t(`step.${step.step}`, { defaultValue: step.step })}</Typography.Text>{' '}
      <Typography.Text type="secondary">
        {dateTime(step.at)} · <span data-testid="step-actor">{actorLabel(step.actor)}</span>
        {stationName ? ` · ${stationName}` : ''}
      </Typography.Text>
      {step.note && <div>{step.note}</div>}
    </>
  );
}
