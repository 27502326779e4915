import { Card, Progress, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer360 } from './agent-queries';

type Opportunity = Customer360['openOpportunities'][number];

/** The deals sales still has open with the customer, the soonest expected to close first. */
export function OpportunitiesCard({ opportunities }: { opportunities: Opportunity[] }) {
  const { t, i18n } = useTranslation();
  const money = (opportunity: Opportunity) =>
    opportunity.amount === null
      ? ''
      : new Intl.NumberFormat(i18n.language, {
          style: 'currency',
          currency: opportunity.currency ?? 'CNY',
          maximumFractionDigits: 0,
        }).format(opportunity.amount);
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('opportunities.title')}</h2>}>
      <Table<Opportunity>
        data-testid="opportunities"
        rowKey="opportunityId"
        size="small"
        pagination={false}
        dataSource={opportunities}
        locale={{ emptyText: t('customer.none') }}
        columns={[
          { title: t('opportunities.name'), dataIndex: 'name' },
          {
            title: t('opportunities.stage'),
            render: (_, o) => t(`opportunities.stages.${o.stage}`, { defaultValue: o.stage }),
          },
          {
            title: t('opportunities.probability'),
            render: (_, o) => (
              <Progress
                percent={o.probability}
                size="small"
                aria-label={t('opportunities.probability')}
                style={{ minWidth: 90 }}
              />
            ),
          },
          { title: t('opportunities.amount'), render: (_, o) => money(o) },
          { title: t('opportunities.expectedClose'), render: (_, o) => o.expectedCloseDate ?? '' },
        ]}
      />
    </Card>
  );
}
