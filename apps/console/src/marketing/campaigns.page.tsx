import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Campaign, useCampaigns } from './marketing-queries';

const formatTime = (at: string | null) => (at ? new Date(at).toLocaleString() : '—');

/** The campaigns, newest first, each opening its progress and results. */
export function CampaignsPage() {
  const { t } = useTranslation('marketing');
  const campaigns = useCampaigns();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('campaigns.title')}
        </Typography.Title>
        <Link to="/marketing/campaigns/new">
          <Button type="primary" icon={<PlusOutlined />} tabIndex={-1}>
            {t('campaigns.create')}
          </Button>
        </Link>
      </Space>
      <Card>
        <Table<Campaign>
          rowKey="id"
          loading={campaigns.isPending}
          dataSource={campaigns.data?.items ?? []}
          pagination={false}
          columns={[
            {
              title: t('campaigns.name'),
              render: (_, campaign) => (
                <Link to={`/marketing/campaigns/${campaign.id}`}>{campaign.name}</Link>
              ),
            },
            {
              title: t('campaigns.channel'),
              render: (_, campaign) => t(`segment.channels.${campaign.channel}`),
            },
            {
              title: t('campaigns.status'),
              render: (_, campaign) => <Tag>{t(`campaigns.statuses.${campaign.status}`)}</Tag>,
            },
            {
              title: t('campaigns.sendAt'),
              render: (_, campaign) => formatTime(campaign.sentAt ?? campaign.sendAt),
            },
            { title: t('campaigns.createdAt'), render: (_, campaign) => formatTime(campaign.createdAt) },
          ]}
        />
      </Card>
    </Space>
  );
}
