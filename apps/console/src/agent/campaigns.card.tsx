import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerCampaign, useCustomerCampaigns } from './agent-queries';
import { CampaignResponseForm } from './campaign-response-form';

/** The campaigns that reached the caller, with their answer; the agent records one while on the call. */
export function CampaignsCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [answering, setAnswering] = useState<CustomerCampaign | null>(null);
  const [awaitingReplyTo, setAwaitingReplyTo] = useState<string | null>(null);
  const campaigns = useCustomerCampaigns(customerId, awaitingReplyTo);

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('campaigns.title')}</h2>}>
      <Table<CustomerCampaign>
        data-testid="campaigns"
        rowKey="campaignId"
        size="small"
        pagination={false}
        loading={campaigns.isPending}
        dataSource={campaigns.data ?? []}
        locale={{ emptyText: campaigns.isError ? t('campaigns.unavailable') : t('customer.none') }}
        columns={[
          { title: t('campaigns.name'), dataIndex: 'name' },
          { title: t('customer.channel'), render: (_, c) => t(`channel.${c.channel}`) },
          {
            title: t('campaigns.sentAt'),
            render: (_, c) => (c.sentAt ? c.sentAt.slice(0, 10) : t('campaigns.notSent')),
          },
          {
            title: t('campaigns.reply'),
            render: (_, c) =>
              c.reply ? (
                <Tag>
                  {t(`campaigns.outcomes.${c.reply.outcome}`, { defaultValue: c.reply.outcome ?? '' })}
                </Tag>
              ) : awaitingReplyTo === c.campaignId ? (
                t('campaigns.replyPending')
              ) : (
                <Button size="small" onClick={() => setAnswering(c)}>
                  {t('campaigns.record')}
                </Button>
              ),
          },
        ]}
      />
      <CampaignResponseForm
        customerId={customerId}
        campaign={answering}
        onClose={() => setAnswering(null)}
        onRecorded={(campaignId) => {
          setAnswering(null);
          setAwaitingReplyTo(campaignId);
        }}
      />
    </Card>
  );
}
