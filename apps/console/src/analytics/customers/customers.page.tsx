import type { AnalyticsApi } from '@crm/api-client/generated';
import { Button, Card, Col, Row, Statistic, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CustomerValue,
  type Tier,
  useCustomerValueSummary,
  useTopCustomers,
  exportHref,
} from '../analytics-queries';
import { ChartCard } from '../report/chart-card';
import { EChart } from '../report/echart';
import { formatDateTime, formatMoney, formatPercent } from '../report/format';
import { ReportHeader } from '../report/report-header';
import { type ReportColumn, ReportTable } from '../report/report-table';
import { paretoOption, pyramidOption, rfmGridOption } from './customer-charts';

type TierCount = AnalyticsApi.components['schemas']['TierCount'];
type SegmentCount = AnalyticsApi.components['schemas']['SegmentCount'];

/** Customer value: the tier pyramid, the Pareto curve, the RFM grid and the most valuable customers. */
export function CustomersPage() {
  const { t } = useTranslation('analytics');
  const [tier, setTier] = useState<Tier | null>(null);
  const summary = useCustomerValueSummary();
  const top = useTopCustomers(tier);
  const everyone = useTopCustomers(null);
  const tierName = (name: string) => t(`customers.tiers.${name}`);
  const tiers = useMemo(() => summary.data?.tiers ?? [], [summary.data]);
  const customers = useMemo(() => everyone.data?.items ?? [], [everyone.data]);
  const totalValue = summary.data?.distribution.totalValue ?? 0;
  const pyramid = useMemo(() => pyramidOption(tiers, tierName), [tiers, t]);
  const pareto = useMemo(
    () =>
      paretoOption(customers, totalValue, {
        value: t('customers.value'),
        cumulative: t('customers.cumulativeShare'),
      }),
    [customers, totalValue, t],
  );
  const rfm = useMemo(
    () =>
      rfmGridOption(customers, {
        recency: t('customers.recencyScore'),
        frequency: t('customers.frequencyScore'),
      }),
    [customers, t],
  );
  const pareto20 = summary.data?.pareto;

  const tierColumns: ReportColumn<TierCount>[] = [
    { key: 'tier', title: t('customers.tier'), value: (row) => tierName(row.tier) },
    { key: 'customers', title: t('customers.customers'), value: (row) => row.customers, align: 'right' },
    {
      key: 'value',
      title: t('customers.value'),
      value: (row) => row.value,
      render: (row) => formatMoney(row.value),
      align: 'right',
    },
  ];
  const segmentColumns: ReportColumn<SegmentCount>[] = [
    { key: 'segment', title: t('customers.segment'), value: (row) => t(`customers.segments.${row.segment}`) },
    { key: 'customers', title: t('customers.customers'), value: (row) => row.customers, align: 'right' },
    {
      key: 'value',
      title: t('customers.value'),
      value: (row) => row.value,
      render: (row) => formatMoney(row.value),
      align: 'right',
    },
  ];
  const customerColumns: ReportColumn<CustomerValue>[] = [
    {
      key: 'id',
      title: t('customers.customerId'),
      value: (row) => row.customerId,
      render: (row) => row.customerId.slice(0, 8),
    },
    { key: 'city', title: t('customers.city'), value: (row) => row.city },
    {
      key: 'tier',
      title: t('customers.tier'),
      value: (row) => tierName(row.tier),
      render: (row) => <Tag>{tierName(row.tier)}</Tag>,
    },
    { key: 'segment', title: t('customers.segment'), value: (row) => t(`customers.segments.${row.segment}`) },
    {
      key: 'rfm',
      title: 'RFM',
      value: (row) => `${row.recencyScore}${row.frequencyScore}${row.monetaryScore}`,
    },
    {
      key: 'value',
      title: t('customers.value'),
      value: (row) => row.value,
      render: (row) => formatMoney(row.value),
      align: 'right',
    },
    {
      key: 'clv',
      title: t('customers.clv'),
      value: (row) => row.clv,
      render: (row) => formatMoney(row.clv),
      align: 'right',
    },
    { key: 'churn', title: t('customers.churnRisk'), value: (row) => t(`customers.churn.${row.churnRisk}`) },
    { key: 'last', title: t('customers.lastPurchase'), value: (row) => formatDateTime(row.lastPurchaseAt) },
  ];

  return (
    <>
      <ReportHeader
        title={t('customers.title')}
        intro={t('customers.intro')}
        newestEventAt={summary.data?.freshness.newestEventAt ?? null}
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title={t('customers.valuedCustomers')}
              value={summary.data?.distribution.customers ?? 0}
            />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('customers.totalValue')} value={formatMoney(totalValue)} />
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card>
            <Statistic
              title={t('customers.paretoShare', { share: formatPercent(pareto20?.topShare) })}
              value={formatPercent(pareto20?.valueShare)}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <ChartCard title={t('customers.pyramid')}>
            <EChart
              testId="customer-pyramid"
              option={pyramid}
              description={t('customers.pyramidDescription', {
                tiers: tiers.map((row) => `${tierName(row.tier)} ${row.customers}`).join(', '),
              })}
              onClick={({ dataIndex }) => setTier(tiers[dataIndex].tier)}
            />
          </ChartCard>
        </Col>
        <Col xs={24} lg={12}>
          <ReportTable
            title={t('customers.tierTable')}
            file="value-tiers"
            columns={tierColumns}
            rows={tiers}
            rowKey={(row) => row.tier}
            onRow={(row) => ({ onClick: () => setTier(row.tier), style: { cursor: 'pointer' } })}
          />
          <ReportTable
            title={t('customers.segmentTable')}
            file="rfm-segments"
            columns={segmentColumns}
            rows={summary.data?.segments}
            rowKey={(row) => row.segment}
          />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <ChartCard title={t('customers.pareto', { count: customers.length })}>
            <EChart
              option={pareto}
              description={t('customers.paretoDescription', {
                count: customers.length,
                share: formatPercent(pareto20?.valueShare),
              })}
            />
          </ChartCard>
        </Col>
        <Col xs={24} lg={10}>
          <ChartCard title={t('customers.rfmGrid', { count: customers.length })}>
            <EChart option={rfm} description={t('customers.rfmDescription', { count: customers.length })} />
          </ChartCard>
        </Col>
      </Row>
      <ReportTable
        testId="top-customers"
        title={tier ? t('customers.topOfTier', { tier: tierName(tier) }) : t('customers.top')}
        file={tier ? `customers-${tier}` : 'customers'}
        exportHref={exportHref('/analytics/customer-value/customers/export', tier ? { tier } : {})}
        columns={customerColumns}
        rows={top.data?.items}
        rowKey={(row) => row.customerId}
        loading={top.isPending}
        extra={
          tier && (
            <Button onClick={() => setTier(null)} style={{ marginRight: 8 }}>
              {t('customers.allTiers')}
            </Button>
          )
        }
      />
    </>
  );
}
