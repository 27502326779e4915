import { Button, Card, Col, Descriptions, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import {
  type CampaignProgress,
  useCampaign,
  useCampaignProgress,
  useCampaignResults,
  useCancelCampaign,
} from './marketing-queries';
import { FunnelCard, LiftCard, ProfileCard, RoiCard } from './results-cards';

/** A campaign's sending progress (polled while it sends) and its results as they come in. */
export function CampaignResultsPage() {
  const { t } = useTranslation('marketing');
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  const progress = useCampaignProgress(campaignId);
  const results = useCampaignResults(campaignId, progress.dataUpdatedAt);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('results.title')}: {campaign.data?.name}
        </Typography.Title>
        {progress.data && (
          <Tag data-testid="campaign-status">{t(`campaigns.statuses.${progress.data.status}`)}</Tag>
        )}
      </Space>
      {progress.data && <ProgressCard campaignId={campaignId} progress={progress.data} />}
      {results.data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <FunnelCard results={results.data} />
          </Col>
          <Col xs={24} xl={12}>
            <LiftCard results={results.data} />
            <RoiCard results={results.data} />
          </Col>
          <Col span={24}>
            <ProfileCard results={results.data} />
          </Col>
        </Row>
      )}
    </Space>
  );
}

function ProgressCard({ campaignId, progress }: { campaignId: string; progress: CampaignProgress }) {
  const { t } = useTranslation('marketing');
  const cancel = useCancelCampaign(campaignId);
  const skipped = Object.values(progress.skipped).reduce((sum, count) => sum + count, 0);
  const done = progress.sent + progress.failed + progress.heldOut + skipped;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('results.progress')}</h2>}>
      <Progress
        aria-label={t('results.progress')}
        percent={progress.total ? Math.round((done / progress.total) * 100) : 0}
        status={progress.status === 'sending' ? 'active' : 'normal'}
      />
      <Row gutter={16} style={{ marginTop: 16 }}>
        {(['total', 'sent', 'queued', 'failed', 'heldOut'] as const).map((count) => (
          <Col key={count} xs={12} md={4}>
            <Statistic title={t(`results.${count}`)} value={progress[count]} />
          </Col>
        ))}
        <Col xs={12} md={4}>
          <Statistic title={t('results.skipped')} value={skipped} />
        </Col>
      </Row>
      {skipped > 0 && (
        <Descriptions
          size="small"
          style={{ marginTop: 16 }}
          items={Object.entries(progress.skipped).map(([reason, count]) => ({
            label: t(`results.skippedReasons.${reason}`),
            children: count,
          }))}
        />
      )}
      {['draft', 'scheduled'].includes(progress.status) && (
        <Button danger loading={cancel.isPending} onClick={() => cancel.mutate()} style={{ marginTop: 16 }}>
          {t('results.cancel')}
        </Button>
      )}
    </Card>
  );
}
