import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Candidate, RoutingDecision } from './service-manager-queries';
import { dateTime } from './ticket-table';

const km = (meters: number) => `${(meters / 1000).toFixed(1)} km`;
const percent = (load: number | null) => (load === null ? '—' : `${Math.round(load * 100)}%`);

/** Why the ticket went where it went: each candidate station with its distance, load and the rule it met or failed. */
export function RoutingDecisions({ decisions }: { decisions: RoutingDecision[] }) {
  const { t } = useTranslation('serviceManager');
  if (decisions.length === 0) return <Empty description={t('detail.noRouting')} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {[...decisions].reverse().map((decision) => (
        <Card
          key={decision.decidedAt}
          size="small"
          type="inner"
          title={
            <h3 style={{ fontSize: 14, margin: 0 }}>
              {t(`detail.outcome.${decision.outcome}`)}
              {decision.stationName ? ` → ${decision.stationName}` : ''}
            </h3>
          }
          extra={
            <Typography.Text type="secondary">
              {t('detail.decidedAt', { time: dateTime(decision.decidedAt) })}
            </Typography.Text>
          }
        >
          {decision.radiusKm !== null && (
            <Typography.Paragraph type="secondary">
              {t('detail.radius', { km: decision.radiusKm })}
            </Typography.Paragraph>
          )}
          <Table<Candidate>
            data-testid="routing-candidates"
            rowKey="stationId"
            size="small"
            pagination={false}
            dataSource={decision.candidates}
            columns={[
              { title: t('detail.candidate'), render: (_, c) => `${c.name} (${c.code})` },
              { title: t('detail.distance'), render: (_, c) => km(c.distanceMeters) },
              { title: t('detail.load'), render: (_, c) => percent(c.load) },
              { title: t('detail.eligible'), render: (_, c) => t(c.eligible ? 'detail.yes' : 'detail.no') },
              { title: t('detail.reason'), render: (_, c) => <CandidateReason candidate={c} /> },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}

function CandidateReason({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation('serviceManager');
  const chosen = candidate.reason === 'chosen' || candidate.reason === 'chosen by hand';
  return (
    <Space size={4} wrap>
      <Tag color={chosen ? 'blue' : undefined}>{t(`reason.${candidate.reason}`)}</Tag>
      {candidate.overrode && (
        <span>{t('detail.overrode', { reason: t(`reason.${candidate.overrode}`) })}</span>
      )}
      {candidate.tieBrokenBy && (
        <span>{t('detail.tieBrokenBy', { rule: t(`tieBreak.${candidate.tieBrokenBy}`) })}</span>
      )}
    </Space>
  );
}
