import { App, Button, Flex, Popconfirm, Skeleton, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useConvertLead, useLeads } from './lead-queries';
import { useOwnerNames } from './owner-names';
import { ReadFailure, RefusedChange } from './problem-views';
import { day } from './sales-format';
import type { Lead } from './sales-types';

const SOURCES: Lead['source'][] = [
  'web_form',
  'campaign',
  'showroom_visit',
  'referral',
  'dealer',
  'call_center',
];
const STATUSES: Lead['status'][] = ['new', 'contacted', 'qualified', 'disqualified', 'converted'];

const scoreColor = (score: number) => (score >= 70 ? 'red' : score >= 40 ? 'blue' : 'default');

/** The lead inbox: where each lead came from, how hot it is, and converting it into an opportunity. */
export function LeadsPage() {
  const { t } = useTranslation('sales');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const leads = useLeads();
  const convert = useConvertLead();
  const ownerName = useOwnerNames();
  if (leads.isError) return <ReadFailure error={leads.error} />;
  if (leads.isPending) return <Skeleton active />;
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('leads.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('leads.hint')}</Typography.Text>
      <RefusedChange error={convert.error} />
      <Table<Lead>
        data-testid="leads"
        rowKey="id"
        size="small"
        dataSource={leads.data.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('leads.empty') }}
        columns={[
          { title: t('leads.name'), dataIndex: 'name' },
          {
            title: t('leads.source'),
            filters: SOURCES.map((source) => ({ text: t(`source.${source}`), value: source })),
            onFilter: (value, lead) => lead.source === value,
            render: (_, lead) => <Tag>{t(`source.${lead.source}`)}</Tag>,
          },
          {
            title: t('leads.score'),
            sorter: (a, b) => a.score - b.score,
            defaultSortOrder: 'descend',
            render: (_, lead) => <Tag color={scoreColor(lead.score)}>{lead.score}</Tag>,
          },
          {
            title: t('leads.status'),
            filters: STATUSES.map((status) => ({ text: t(`leadStatus.${status}`), value: status })),
            onFilter: (value, lead) => lead.status === value,
            render: (_, lead) => t(`leadStatus.${lead.status}`),
          },
          { title: t('leads.interest'), render: (_, lead) => lead.interest.model ?? '' },
          { title: t('leads.contact'), render: (_, lead) => lead.phone ?? lead.email ?? '' },
          {
            title: t('leads.owner'),
            render: (_, lead) =>
              lead.ownerId ? ownerName(lead.ownerId) : (lead.assignment?.dealerCode ?? t('leads.unassigned')),
          },
          { title: t('leads.captured'), render: (_, lead) => day(lead.createdAt) },
          {
            title: t('leads.action'),
            render: (_, lead) =>
              lead.opportunityId ? (
                <Link to={`/sales/opportunities/${lead.opportunityId}`}>{t('leads.openOpportunity')}</Link>
              ) : lead.status === 'disqualified' ? null : (
                <Popconfirm
                  title={t('leads.convertConfirm', { name: lead.name })}
                  okText={t('leads.convert')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    convert.mutate(lead.id, {
                      onSuccess: ({ opportunity }) => {
                        void message.success(t('leads.converted', { name: lead.name }));
                        navigate(`/sales/opportunities/${opportunity.id}`);
                      },
                    })
                  }
                >
                  <Button
                    size="small"
                    autoInsertSpace={false}
                    aria-label={t('leads.convertNamed', { name: lead.name })}
                  >
                    {t('leads.convert')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Flex>
  );
}
