import { Breadcrumb, Button, Card, Col, Row, Segmented, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportHref, type SalesGrouping, type SalesRow, useSalesPerformance } from '../analytics-queries';
import { ChartCard } from '../report/chart-card';
import { EChart } from '../report/echart';
import { formatMoney, formatNumber, formatPercent, lastDays } from '../report/format';
import { type Period, PeriodSelect } from '../report/period-select';
import { ReportHeader } from '../report/report-header';
import { type ReportColumn, ReportTable } from '../report/report-table';
import { pipelineOption, wonAgainstQuotaOption } from './sales-charts';

interface Manager {
  id: string;
  name: string;
}
type View = 'hierarchy' | 'dealers';

/** Sales performance from the whole company down to the person: teams, then the people below a manager. */
export function SalesPage() {
  const { t } = useTranslation('analytics');
  const [days, setDays] = useState<Period>(90);
  const [view, setView] = useState<View>('hierarchy');
  const [path, setPath] = useState<Manager[]>([]);
  const manager = path.at(-1)?.id;
  const teams = useSalesPerformance('team', days, manager);
  const people = useSalesPerformance('rep', days, manager);
  const dealers = useSalesPerformance('dealer', days);
  const report = view === 'dealers' ? dealers.data : people.data;
  const nameOf = (row: SalesRow) =>
    row.name ?? (row.ownerId ?? row.managerId ?? row.dealerId)?.slice(0, 8) ?? t('sales.unassigned');
  const chartRows = useMemo(
    () => (view === 'dealers' ? dealers.data?.items : people.data?.items)?.slice(0, 15) ?? [],
    [view, dealers.data, people.data],
  );
  const won = useMemo(
    () => wonAgainstQuotaOption(chartRows, nameOf, { won: t('sales.wonRevenue'), quota: t('sales.quota') }),
    [chartRows, t],
  );
  const pipeline = useMemo(
    () =>
      pipelineOption(report?.pipeline ?? [], (stage) => t(`sales.stages.${stage}`, { defaultValue: stage }), {
        amount: t('sales.pipelineAmount'),
        weighted: t('sales.weightedAmount'),
      }),
    [report, t],
  );
  const drill = (row: SalesRow) =>
    row.managerId && setPath([...path, { id: row.managerId, name: nameOf(row) }]);

  const figures: ReportColumn<SalesRow>[] = [
    { key: 'won', title: t('sales.won'), value: (row) => row.won, align: 'right' },
    { key: 'lost', title: t('sales.lost'), value: (row) => row.lost, align: 'right' },
    {
      key: 'winRate',
      title: t('sales.winRate'),
      value: (row) => row.winRate,
      render: (row) => formatPercent(row.winRate),
      align: 'right',
    },
    {
      key: 'wonRevenue',
      title: t('sales.wonRevenue'),
      value: (row) => row.wonRevenue,
      render: (row) => formatMoney(row.wonRevenue),
      align: 'right',
    },
    {
      key: 'quota',
      title: t('sales.quota'),
      value: (row) => row.quotaRevenue,
      render: (row) => formatMoney(row.quotaRevenue),
      align: 'right',
    },
    {
      key: 'attainment',
      title: t('sales.attainment'),
      value: (row) => row.quotaAttainment,
      render: (row) => formatPercent(row.quotaAttainment),
      align: 'right',
    },
    {
      key: 'cycle',
      title: t('sales.cycleDays'),
      value: (row) => row.averageCycleDays,
      render: (row) => formatNumber(row.averageCycleDays),
      align: 'right',
    },
    { key: 'open', title: t('sales.open'), value: (row) => row.openOpportunities, align: 'right' },
    {
      key: 'pipeline',
      title: t('sales.pipelineAmount'),
      value: (row) => row.pipelineAmount,
      render: (row) => formatMoney(row.pipelineAmount),
      align: 'right',
    },
    {
      key: 'accuracy',
      title: t('sales.forecastAccuracy'),
      value: (row) => row.forecastAccuracy,
      render: (row) => formatPercent(row.forecastAccuracy),
      align: 'right',
    },
  ];
  const column = (title: string): ReportColumn<SalesRow> => ({ key: 'name', title, value: nameOf });
  const teamColumns: ReportColumn<SalesRow>[] = [
    {
      ...column(t('sales.team')),
      render: (row) =>
        row.managerId ? (
          <Button type="link" style={{ padding: 0 }} onClick={() => drill(row)}>
            {nameOf(row)}
          </Button>
        ) : (
          nameOf(row)
        ),
    },
    ...figures,
  ];
  const totals = report?.totals;
  const scope = path.length ? path.map((step) => step.name).join(' / ') : t('sales.everyone');

  return (
    <>
      <ReportHeader
        title={t('sales.title')}
        intro={t('sales.intro')}
        newestEventAt={report?.freshness.newestEventAt ?? null}
      >
        <Segmented<View>
          aria-label={t('sales.view')}
          value={view}
          onChange={setView}
          options={[
            { value: 'hierarchy', label: t('sales.hierarchy') },
            { value: 'dealers', label: t('sales.dealers') },
          ]}
        />
        <PeriodSelect value={days} onChange={setDays} />
      </ReportHeader>
      {view === 'hierarchy' && (
        <Breadcrumb
          style={{ marginBottom: 16 }}
          items={[{ name: t('sales.everyone'), id: '' }, ...path].map((step, index) => ({
            key: step.id,
            title:
              index === path.length ? (
                <span aria-current="page">{step.name}</span>
              ) : (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0 }}
                  onClick={() => setPath(path.slice(0, index))}
                >
                  {step.name}
                </Button>
              ),
          }))}
        />
      )}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          [t('sales.wonRevenue'), formatMoney(totals?.wonRevenue)],
          [t('sales.attainment'), formatPercent(totals?.quotaAttainment)],
          [t('sales.winRate'), formatPercent(totals?.winRate)],
          [t('sales.pipelineAmount'), formatMoney(totals?.pipelineAmount)],
        ].map(([title, value]) => (
          <Col xs={12} md={6} key={title}>
            <Card>
              <Statistic title={title} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <ChartCard
            title={t('sales.wonAgainstQuota', { scope: view === 'dealers' ? t('sales.dealers') : scope })}
          >
            <EChart
              option={won}
              description={t('sales.wonDescription', {
                rows: chartRows.map((row) => `${nameOf(row)} ${formatMoney(row.wonRevenue)}`).join(', '),
              })}
            />
          </ChartCard>
        </Col>
        <Col xs={24} lg={10}>
          <ChartCard title={t('sales.pipeline')}>
            <EChart
              option={pipeline}
              description={t('sales.pipelineDescription', {
                stages: (report?.pipeline ?? [])
                  .map(
                    (stage) =>
                      `${t(`sales.stages.${stage.stage}`, { defaultValue: stage.stage })} ${stage.opportunities}`,
                  )
                  .join(', '),
              })}
            />
          </ChartCard>
        </Col>
      </Row>
      {view === 'hierarchy' ? (
        <>
          <ReportTable
            testId="sales-teams"
            title={t('sales.teamsOf', { scope })}
            file="sales-teams"
            exportHref={salesExport('team', days, manager)}
            columns={teamColumns}
            rows={teams.data?.items}
            rowKey={(row) => row.managerId ?? ''}
            loading={teams.isPending}
          />
          <ReportTable
            testId="sales-people"
            title={t('sales.peopleOf', { scope })}
            file="sales-people"
            exportHref={salesExport('rep', days, manager)}
            columns={[column(t('sales.person')), ...figures]}
            rows={people.data?.items}
            rowKey={(row) => row.ownerId ?? ''}
            loading={people.isPending}
          />
        </>
      ) : (
        <ReportTable
          testId="sales-dealers"
          title={t('sales.dealers')}
          file="sales-dealers"
          exportHref={salesExport('dealer', days)}
          columns={[column(t('sales.dealer')), ...figures]}
          rows={dealers.data?.items}
          rowKey={(row) => row.dealerId ?? ''}
          loading={dealers.isPending}
        />
      )}
    </>
  );
}

/** The performance report's CSV, filtered as the table is. */
const salesExport = (by: SalesGrouping, days: number, managerId?: string) =>
  exportHref('/analytics/sales/performance/export', { by, ...lastDays(days), managerId });
