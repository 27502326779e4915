import { Card, Progress, Skeleton, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuotaProgress } from './manager-queries';
import { ReadFailure } from './problem-views';
import type { PersonProgress } from './sales-types';

type Metric = PersonProgress['prospects'];

/** Prospects entered this month against quota, pro-rated to the days passed: who is behind says so. */
export function QuotaProgressCard({ month }: { month: string }) {
  const { t } = useTranslation('sales');
  const progress = useQuotaProgress(month);
  const title = <h2 style={{ fontSize: 16, margin: 0 }}>{t('manager.quotaTitle')}</h2>;
  if (progress.isError) return <ReadFailure error={progress.error} />;
  if (progress.isPending)
    return (
      <Card title={title}>
        <Skeleton active />
      </Card>
    );
  const behind = progress.data.people.filter((person) => person.behind).length;
  return (
    <Card
      title={title}
      extra={t('manager.elapsed', { percent: Math.round(progress.data.elapsedShare * 100), behind })}
    >
      <Table<PersonProgress>
        data-testid="quota-progress"
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={progress.data.people}
        columns={[
          { title: t('manager.person'), dataIndex: 'name' },
          { title: t('manager.prospects'), render: (_, p) => <MetricCell metric={p.prospects} /> },
          { title: t('manager.revenue'), render: (_, p) => <MetricCell metric={p.revenue} money /> },
          {
            title: t('manager.state'),
            render: (_, p) =>
              p.behind ? <Tag color="red">{t('manager.behind')}</Tag> : <Tag>{t('manager.onTrack')}</Tag>,
          },
        ]}
      />
    </Card>
  );
}

function MetricCell({ metric, money = false }: { metric: Metric; money?: boolean }) {
  const { t, i18n } = useTranslation('sales');
  const number = (value: number) =>
    new Intl.NumberFormat(i18n.language, money ? { notation: 'compact' } : {}).format(value);
  if (metric.quota === null) return `${number(metric.actual)} · ${t('manager.noQuota')}`;
  return (
    <div style={{ minWidth: 160 }}>
      {t('manager.ofQuota', { actual: number(metric.actual), quota: number(metric.quota) })}
      <Progress
        percent={Math.round((metric.attainment ?? 0) * 100)}
        size="small"
        status={metric.behind ? 'exception' : 'normal'}
        aria-label={t('manager.attainment')}
      />
    </div>
  );
}
