import { Button, Card, Descriptions, Flex, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { GuidanceThread } from './guidance-thread';
import { useOwnerNames } from './owner-names';
import { useOpportunity, usePipelines } from './pipeline-queries';
import { ReadFailure } from './problem-views';
import { day, formatMoney } from './sales-format';
import type { OpportunityDetail } from './sales-types';
import { stageLabel } from './stage-label';

type StageChange = OpportunityDetail['history'][number];

/** One opportunity: where it stands, how it moved, the guidance on it. Another rep's is not found. */
export function OpportunityPage() {
  const { t, i18n } = useTranslation('sales');
  const navigate = useNavigate();
  const { opportunityId = '' } = useParams();
  const opportunity = useOpportunity(opportunityId);
  const pipelines = usePipelines();
  const ownerName = useOwnerNames();
  if (opportunity.isError) return <ReadFailure error={opportunity.error} />;
  if (opportunity.isPending) return <Skeleton active />;
  const o = opportunity.data;
  const stages = pipelines.data?.find((p) => p.id === o.pipelineId)?.stages ?? [];
  const label = (key: string | null) => {
    const stage = stages.find((s) => s.key === key);
    return stage ? stageLabel(t, stage) : (key ?? '');
  };
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }} data-testid="opportunity-name">
          {o.name}
        </Typography.Title>
        <Button onClick={() => navigate(`/sales/quotes?opportunity=${o.id}`)}>{t('quotes.build')}</Button>
      </Flex>
      <Card>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('opportunity.stage')}>{label(o.stage)}</Descriptions.Item>
          <Descriptions.Item label={t('opportunity.amount')}>
            {formatMoney(o.amount, i18n.language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('opportunity.probability')}>{o.probability}%</Descriptions.Item>
          <Descriptions.Item label={t('opportunity.owner')}>{ownerName(o.ownerId)}</Descriptions.Item>
          <Descriptions.Item label={t('opportunity.expectedClose')}>
            {day(o.expectedCloseDate)}
          </Descriptions.Item>
          <Descriptions.Item label={t('opportunity.closeReason')}>{o.closeReason ?? ''}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('opportunity.history')}</h2>}>
        <Table<StageChange>
          rowKey="changedAt"
          size="small"
          pagination={false}
          dataSource={o.history}
          columns={[
            { title: t('opportunity.when'), render: (_, c) => new Date(c.changedAt).toLocaleString() },
            { title: t('opportunity.from'), render: (_, c) => label(c.fromStage) },
            { title: t('opportunity.to'), render: (_, c) => label(c.toStage) },
            { title: t('opportunity.by'), render: (_, c) => ownerName(c.changedBy) },
          ]}
        />
      </Card>
      <GuidanceThread opportunityId={o.id} />
    </Flex>
  );
}
