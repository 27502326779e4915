import { Card, Col, Row, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  exportHref,
  type StationScorecard,
  useServiceKpis,
  useStationScorecards,
} from '../analytics-queries';
import { ChartCard } from '../report/chart-card';
import { EChart } from '../report/echart';
import { formatDuration, formatNumber, formatPercent, lastDays } from '../report/format';
import { type Period, PeriodSelect } from '../report/period-select';
import { ReportHeader } from '../report/report-header';
import { type ReportColumn, ReportTable } from '../report/report-table';
import { scorecardOption } from './scorecard-option';

/** Service KPIs over the tickets opened in the window, and each station's scorecard. */
export function ServicePage() {
  const { t } = useTranslation('analytics');
  const [days, setDays] = useState<Period>(30);
  const overall = useServiceKpis(days);
  const scorecards = useStationScorecards(days);
  const stationName = (row: StationScorecard) => row.stationName ?? row.stationId.slice(0, 8);
  const stations = useMemo(() => scorecards.data?.items ?? [], [scorecards.data]);
  const option = useMemo(
    () =>
      scorecardOption(stations.slice(0, 15), stationName, {
        tickets: t('service.tickets'),
        satisfaction: t('service.satisfaction'),
      }),
    [stations, t],
  );
  const kpis = overall.data?.kpis;
  const tiles: Array<[string, string]> = [
    [t('service.tickets'), formatNumber(kpis?.tickets ?? 0)],
    [t('service.firstResponse'), formatDuration(kpis?.firstResponse.p50Seconds)],
    [t('service.acceptance'), formatDuration(kpis?.stationAcceptance.p50Seconds)],
    [t('service.resolution'), formatDuration(kpis?.resolution.p50Seconds)],
    [t('service.slaBreachRate'), formatPercent(kpis?.slaBreachRate)],
    [t('service.satisfaction'), formatNumber(kpis?.satisfaction.average, 2)],
    [t('service.reopenRate'), formatPercent(kpis?.reopenRate)],
  ];
  const columns: ReportColumn<StationScorecard>[] = [
    { key: 'station', title: t('service.station'), value: stationName },
    { key: 'region', title: t('service.region'), value: (row) => row.region },
    { key: 'tickets', title: t('service.tickets'), value: (row) => row.kpis.tickets, align: 'right' },
    {
      key: 'firstResponse',
      title: t('service.firstResponse'),
      value: (row) => row.kpis.firstResponse.p50Seconds,
      render: (row) => formatDuration(row.kpis.firstResponse.p50Seconds),
      align: 'right',
    },
    {
      key: 'resolution',
      title: t('service.resolution'),
      value: (row) => row.kpis.resolution.p50Seconds,
      render: (row) => formatDuration(row.kpis.resolution.p50Seconds),
      align: 'right',
    },
    {
      key: 'resolutionP90',
      title: t('service.resolutionP90'),
      value: (row) => row.kpis.resolution.p90Seconds,
      render: (row) => formatDuration(row.kpis.resolution.p90Seconds),
      align: 'right',
    },
    {
      key: 'sla',
      title: t('service.slaBreachRate'),
      value: (row) => row.kpis.slaBreachRate,
      render: (row) => formatPercent(row.kpis.slaBreachRate),
      align: 'right',
    },
    {
      key: 'satisfaction',
      title: t('service.satisfaction'),
      value: (row) => row.kpis.satisfaction.average,
      render: (row) => formatNumber(row.kpis.satisfaction.average, 2),
      align: 'right',
    },
    {
      key: 'reopen',
      title: t('service.reopenRate'),
      value: (row) => row.kpis.reopenRate,
      render: (row) => formatPercent(row.kpis.reopenRate),
      align: 'right',
    },
  ];

  return (
    <>
      <ReportHeader
        title={t('service.title')}
        intro={t('service.intro')}
        newestEventAt={overall.data?.freshness.newestEventAt ?? null}
      >
        <PeriodSelect value={days} onChange={setDays} />
      </ReportHeader>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {tiles.map(([title, value]) => (
          <Col key={title} flex="1 1 150px">
            <Card>
              <Statistic title={title} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      <ChartCard title={t('service.scorecardChart')}>
        <EChart
          option={option}
          description={t('service.scorecardDescription', {
            stations: stations
              .slice(0, 15)
              .map((row) => `${stationName(row)} ${row.kpis.tickets}`)
              .join(', '),
          })}
        />
      </ChartCard>
      <ReportTable
        testId="station-scorecards"
        title={t('service.scorecards')}
        file="station-scorecards"
        exportHref={exportHref('/analytics/service/scorecards/export', lastDays(days))}
        columns={columns}
        rows={stations}
        rowKey={(row) => row.stationId}
        loading={scorecards.isPending}
      />
    </>
  );
}
