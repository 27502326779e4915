import { Alert, Card, Col, Row, Select, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportHref, type MarketQuery, type MarketSeries, useMarket } from '../analytics-queries';
import { ChartCard } from '../report/chart-card';
import { EChart } from '../report/echart';
import { formatNumber, formatPercent } from '../report/format';
import { ReportHeader } from '../report/report-header';
import { type ReportColumn, ReportTable } from '../report/report-table';
import { forecastOption } from './market-option';

type Metric = NonNullable<MarketQuery['metric']>;
type Dimension = NonNullable<MarketQuery['dimension']>;
const METRICS: Metric[] = ['orders', 'amount', 'tickets', 'repairs'];
const DIMENSIONS: Dimension[] = ['region', 'product', 'rep'];
// The service figures have no rep (ADR 0046).
const dimensionsOf = (metric: Metric) =>
  metric === 'orders' || metric === 'amount' ? DIMENSIONS : DIMENSIONS.filter((d) => d !== 'rep');

/** The market by month with its forecast, and how well the forecast did on the months held out. */
export function MarketPage() {
  const { t } = useTranslation('analytics');
  const [metric, setMetric] = useState<Metric>('tickets');
  const [dimension, setDimension] = useState<Dimension>('region');
  const [key, setKey] = useState<string | null>(null);
  const market = useMarket({ metric, dimension });
  const report = market.data;
  const selected: MarketSeries | undefined =
    key === null ? report?.totals : report?.items.find((series) => series.key === key);
  const keyName = (series: MarketSeries) =>
    series.key === null ? t('market.total') : series.key === '' ? t('market.unknown') : series.key;
  const option = useMemo(
    () =>
      selected && report
        ? forecastOption(selected, report.months, report.forecastMonths, {
            history: t('market.history'),
            forecast: t('market.forecast'),
            backtest: t('market.backtest'),
          })
        : {},
    [selected, report, t],
  );
  const backtest = selected?.forecast.backtest;
  const columns: ReportColumn<MarketSeries>[] = [
    { key: 'key', title: t(`market.dimensions.${dimension}`), value: keyName },
    {
      key: 'total',
      title: t('market.historyTotal'),
      value: (row) => row.total,
      render: (row) => formatNumber(row.total),
      align: 'right',
    },
    {
      key: 'forecast',
      title: t('market.forecastTotal'),
      value: (row) => Number(row.forecast.values.reduce((sum, value) => sum + value, 0).toFixed(1)),
      render: (row) => formatNumber(row.forecast.values.reduce((sum, value) => sum + value, 0)),
      align: 'right',
    },
    { key: 'method', title: t('market.method'), value: (row) => t(`market.methods.${row.forecast.method}`) },
    {
      key: 'mae',
      title: 'MAE',
      value: (row) => row.forecast.backtest?.mae,
      render: (row) => formatNumber(row.forecast.backtest?.mae),
      align: 'right',
    },
    {
      key: 'mape',
      title: 'MAPE',
      value: (row) => row.forecast.backtest?.mape,
      render: (row) => formatPercent(row.forecast.backtest?.mape),
      align: 'right',
    },
    {
      key: 'smape',
      title: 'sMAPE',
      value: (row) => row.forecast.backtest?.smape,
      render: (row) => formatPercent(row.forecast.backtest?.smape),
      align: 'right',
    },
  ];

  return (
    <>
      <ReportHeader
        title={t('market.title')}
        intro={t('market.intro')}
        newestEventAt={report?.freshness.newestEventAt ?? null}
      >
        <Select<Metric>
          aria-label={t('market.metric')}
          value={metric}
          onChange={(next) => {
            setMetric(next);
            if (!dimensionsOf(next).includes(dimension)) setDimension('region');
            setKey(null);
          }}
          options={METRICS.map((value) => ({ value, label: t(`market.metrics.${value}`) }))}
          style={{ width: 140 }}
        />
        <Select<Dimension>
          aria-label={t('market.dimension')}
          value={dimension}
          onChange={(next) => {
            setDimension(next);
            setKey(null);
          }}
          options={dimensionsOf(metric).map((value) => ({ value, label: t(`market.dimensions.${value}`) }))}
          style={{ width: 120 }}
        />
      </ReportHeader>
      {report && report.totals.total === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('market.empty')} />
      )}
      <ChartCard
        title={t('market.chart', {
          series: selected ? keyName(selected) : '',
          metric: t(`market.metrics.${metric}`),
        })}
      >
        <EChart
          testId="market-forecast"
          option={option}
          description={t('market.chartDescription', {
            series: selected ? keyName(selected) : '',
            forecast: (selected?.forecast.values ?? []).map((value) => formatNumber(value)).join(', '),
            months: report?.forecastMonths.join(', ') ?? '',
          })}
        />
      </ChartCard>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[
          [t('market.method'), selected ? t(`market.methods.${selected.forecast.method}`) : '–'],
          [t('market.holdout'), backtest ? t('market.months', { count: backtest.holdoutMonths }) : '–'],
          ['MAE', formatNumber(backtest?.mae)],
          ['MAPE', formatPercent(backtest?.mape)],
          ['sMAPE', formatPercent(backtest?.smape)],
        ].map(([title, value]) => (
          <Col key={title} flex="1 1 180px">
            <Card>
              <Statistic title={title} value={value} styles={{ content: { fontSize: 20 } }} />
            </Card>
          </Col>
        ))}
      </Row>
      <ReportTable
        testId="market-series"
        title={t('market.series', { dimension: t(`market.dimensions.${dimension}`) })}
        file={`market-${metric}-${dimension}`}
        exportHref={exportHref('/analytics/market/export', { metric, dimension })}
        columns={columns}
        rows={report ? [report.totals, ...report.items] : undefined}
        rowKey={(row) => row.key ?? '(total)'}
        loading={market.isPending}
        onRow={(row) => ({ onClick: () => setKey(row.key), style: { cursor: 'pointer' } })}
        rowClassName={(row) => (row.key === key ? 'ant-table-row-selected' : '')}
      />
    </>
  );
}
