import { Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverPagination, usePageParam } from '../paging/server-pages';
import { LoadFailed, NoRows, Screen } from '../screen/screen';
import { type DealerLead, type LeadFilter, useDealerLeads } from './dealer-queries';

const STATUSES: DealerLead['status'][] = ['new', 'contacted', 'qualified', 'disqualified', 'converted'];
const SOURCES: DealerLead['source'][] = [
  'web_form',
  'campaign',
  'showroom_visit',
  'referral',
  'dealer',
  'call_center',
];

/** The leads the sales service gives the dealer (its own only), by status and source. */
export function LeadsPage() {
  const { t } = useTranslation('dealer');
  const paging = usePageParam();
  const [filter, setFilter] = useState<LeadFilter>({});
  const leads = useDealerLeads(paging.range, filter);
  const items = leads.data?.items ?? [];
  const refine = (change: LeadFilter) => {
    setFilter({ ...filter, ...change });
    paging.setPage(1);
  };
  return (
    <Screen
      title={t('leads.title')}
      hint={t('leads.hint')}
      extra={
        <Space wrap>
          <Select<DealerLead['status']>
            aria-label={t('leads.status')}
            placeholder={t('leads.anyStatus')}
            allowClear
            style={{ width: 160 }}
            value={filter.status}
            onChange={(status) => refine({ status })}
            options={STATUSES.map((status) => ({ value: status, label: t(`leadStatus.${status}`) }))}
          />
          <Select<DealerLead['source']>
            aria-label={t('leads.source')}
            placeholder={t('leads.anySource')}
            allowClear
            style={{ width: 160 }}
            value={filter.source}
            onChange={(source) => refine({ source })}
            options={SOURCES.map((source) => ({ value: source, label: t(`leadSource.${source}`) }))}
          />
        </Space>
      }
    >
      <LoadFailed error={leads.error} />
      <Table<DealerLead>
        data-testid="dealer-leads"
        rowKey="id"
        size="middle"
        loading={leads.isFetching}
        dataSource={items}
        pagination={serverPagination(paging, items.length)}
        locale={{ emptyText: <NoRows text={t('leads.empty')} /> }}
        columns={[
          { title: t('leads.name'), dataIndex: 'name' },
          { title: t('leads.phone'), dataIndex: 'phone' },
          { title: t('leads.model'), render: (_, lead) => lead.interest.model ?? '' },
          { title: t('leads.source'), render: (_, lead) => t(`leadSource.${lead.source}`) },
          { title: t('leads.status'), render: (_, lead) => <Tag>{t(`leadStatus.${lead.status}`)}</Tag> },
          { title: t('leads.score'), dataIndex: 'score' },
          { title: t('leads.createdAt'), render: (_, lead) => lead.createdAt.slice(0, 10) },
        ]}
      />
    </Screen>
  );
}
