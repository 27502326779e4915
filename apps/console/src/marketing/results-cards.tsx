import { Alert, Card, Descriptions, Table, Tabs } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from './echart';
import type { CampaignResults } from './marketing-queries';

type Props = { results: CampaignResults };
type ProfileRow = CampaignResults['profile'][number];

const FUNNEL = ['delivered', 'opened', 'clicked', 'replied', 'converted'] as const;
const OTHER_COUNTS = ['bounced', 'unsubscribed'] as const;
const DIMENSIONS = ['ageBand', 'province', 'model'] as const;
const TREATED_COLOUR = '#1456c8';
const HOLDOUT_COLOUR = '#8c8c8c';

export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;

const heading = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** Delivered, opened, clicked, replied and converted in the treated group: a chart and its numbers. */
export function FunnelCard({ results }: Props) {
  const { t } = useTranslation('marketing');
  const { treated } = results;
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: FUNNEL.map((count) => t(`results.${count}`)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', data: FUNNEL.map((count) => treated[count]), itemStyle: { color: TREATED_COLOUR } },
      ],
    }),
    [treated, t],
  );
  return (
    <Card title={heading(t('results.funnel'))}>
      <EChart option={option} label={t('results.funnel')} />
      <Table
        data-testid="results-funnel"
        size="small"
        pagination={false}
        rowKey="count"
        dataSource={[...FUNNEL, ...OTHER_COUNTS].map((count) => ({
          count,
          value: treated[count],
          rate: treated.rates[count],
        }))}
        columns={[
          { title: t('results.measure'), render: (_, row) => t(`results.${row.count}`) },
          { title: t('results.count'), dataIndex: 'value', align: 'right' },
          { title: t('results.rate'), render: (_, row) => percent(row.rate), align: 'right' },
        ]}
      />
    </Card>
  );
}

/** Treated against holdout conversion, and the lift with its 95 % interval (or why there is none). */
export function LiftCard({ results }: Props) {
  const { t } = useTranslation('marketing');
  const { lift } = results;
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (value) => percent(Number(value)) },
      xAxis: { type: 'category', data: [t('results.treatedRate'), t('results.holdoutRate')] },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => percent(value) } },
      series: [
        {
          type: 'bar',
          data: [
            { value: lift.treatedRate ?? 0, itemStyle: { color: TREATED_COLOUR } },
            { value: lift.holdoutRate ?? 0, itemStyle: { color: HOLDOUT_COLOUR } },
          ],
        },
      ],
    }),
    [lift, t],
  );
  const interval = lift.confidenceInterval95;
  return (
    <Card title={heading(t('results.lift'))} style={{ marginBottom: 16 }}>
      <EChart option={option} label={t('results.lift')} height={200} />
      <Descriptions
        size="small"
        column={2}
        items={[
          { label: t('results.treatedRate'), children: percent(lift.treatedRate) },
          { label: t('results.holdoutRate'), children: percent(lift.holdoutRate) },
          { label: t('results.absoluteLift'), children: percent(lift.absoluteLift) },
          {
            label: t('results.interval'),
            children: interval ? `${percent(interval.low)} … ${percent(interval.high)}` : '—',
          },
        ]}
      />
      {lift.note && <Alert type="info" showIcon title={lift.note} style={{ marginTop: 8 }} />}
    </Card>
  );
}

export function RoiCard({ results }: Props) {
  const { t, i18n } = useTranslation('marketing');
  const money = (amount: number) =>
    new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'CNY' }).format(amount);
  const { cost } = results;
  return (
    <Card title={heading(t('results.roi'))}>
      <Descriptions
        size="small"
        column={3}
        items={[
          { label: t('results.cost'), children: money(cost.total) },
          { label: t('results.revenue'), children: money(cost.attributedRevenue) },
          { label: t('results.roiValue'), children: cost.roi === null ? '—' : percent(cost.roi) },
        ]}
      />
    </Card>
  );
}

/** Who responded and who did not, by age band, province and model. */
export function ProfileCard({ results }: Props) {
  const { t } = useTranslation('marketing');
  return (
    <Card title={heading(t('results.profile'))}>
      <Tabs
        items={DIMENSIONS.map((dimension) => ({
          key: dimension,
          label: t(`results.dimensions.${dimension}`),
          children: <ProfileDimension rows={results.profile.filter((row) => row.dimension === dimension)} />,
        }))}
      />
    </Card>
  );
}

function ProfileDimension({ rows }: { rows: ProfileRow[] }) {
  const { t } = useTranslation('marketing');
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, itemGap: 32 },
      xAxis: { type: 'category', data: rows.map((row) => row.value) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('results.responders'),
          data: rows.map((row) => row.responders),
          itemStyle: { color: TREATED_COLOUR },
        },
        {
          type: 'bar',
          name: t('results.nonResponders'),
          data: rows.map((row) => row.nonResponders),
          itemStyle: { color: HOLDOUT_COLOUR },
        },
      ],
    }),
    [rows, t],
  );
  return (
    <>
      <EChart option={option} label={t('results.profile')} height={240} />
      <Table<ProfileRow>
        size="small"
        pagination={false}
        rowKey="value"
        dataSource={rows}
        columns={[
          { title: t('results.dimension'), dataIndex: 'value' },
          { title: t('results.responders'), dataIndex: 'responders', align: 'right' },
          { title: t('results.nonResponders'), dataIndex: 'nonResponders', align: 'right' },
        ]}
      />
    </>
  );
}
