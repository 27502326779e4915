import { Alert, Select, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ComplaintRateCell,
  type QualityAlert,
  type QualityCell,
  type QualityType,
  type TicketFact,
  exportHref,
  useCellTickets,
  useComplaintRates,
  useQualityAlerts,
} from '../analytics-queries';
import { ChartCard } from '../report/chart-card';
import { EChart } from '../report/echart';
import { formatDateTime, formatNumber, recentMonths } from '../report/format';
import { ReportHeader } from '../report/report-header';
import { type ReportColumn, ReportTable } from '../report/report-table';
import { heatMapOption } from './heat-map-option';

const MONTHS = recentMonths(12);
const sameCell = (a: QualityCell | null, b: QualityCell) =>
  a !== null && a.model === b.model && a.qualityType === b.qualityType && a.month === b.month;

/** Complaints per 1,000 vehicles by model and quality type, the alerts raised, and each cell's tickets. */
export function QualityPage() {
  const { t } = useTranslation('analytics');
  const [month, setMonth] = useState(MONTHS[0]);
  const [cell, setCell] = useState<QualityCell | null>(null);
  const rates = useComplaintRates(month);
  const alerts = useQualityAlerts();
  const tickets = useCellTickets(cell);
  const typeName = (type: string) => t(`translation:qualityType.${type}`);
  const cells = useMemo(() => rates.data?.items ?? [], [rates.data]);
  const option = useMemo(() => heatMapOption(cells, typeName, t('quality.per1000')), [cells, t]);
  const open = (next: QualityCell) => {
    setMonth(next.month);
    setCell(next);
  };
  const cellName = (of: QualityCell) => `${of.model} · ${typeName(of.qualityType)} · ${of.month}`;

  const cellColumns: ReportColumn<ComplaintRateCell>[] = [
    { key: 'model', title: t('quality.model'), value: (row) => row.model },
    { key: 'type', title: t('quality.qualityType'), value: (row) => typeName(row.qualityType) },
    { key: 'complaints', title: t('quality.complaints'), value: (row) => row.complaints, align: 'right' },
    { key: 'vehicles', title: t('quality.vehicles'), value: (row) => row.vehicles, align: 'right' },
    {
      key: 'rate',
      title: t('quality.per1000'),
      value: (row) => Number(row.complaintsPer1000.toFixed(2)),
      render: (row) => formatNumber(row.complaintsPer1000),
      align: 'right',
    },
  ];
  const alertColumns: ReportColumn<QualityAlert>[] = [
    { key: 'month', title: t('quality.month'), value: (row) => row.month },
    { key: 'model', title: t('quality.model'), value: (row) => row.model },
    { key: 'type', title: t('quality.qualityType'), value: (row) => typeName(row.qualityType) },
    { key: 'complaints', title: t('quality.complaints'), value: (row) => row.complaints, align: 'right' },
    {
      key: 'expected',
      title: t('quality.expected'),
      value: (row) => row.expected,
      render: (row) => formatNumber(row.expected),
      align: 'right',
    },
    {
      key: 'bound',
      title: t('quality.upperBound'),
      value: (row) => row.upperBound,
      render: (row) => formatNumber(row.upperBound),
      align: 'right',
    },
    { key: 'raised', title: t('quality.raisedAt'), value: (row) => formatDateTime(row.raisedAt) },
  ];
  const ticketColumns: ReportColumn<TicketFact>[] = [
    { key: 'number', title: t('tickets.number'), value: (row) => row.ticketNumber },
    { key: 'opened', title: t('tickets.openedAt'), value: (row) => formatDateTime(row.openedAt) },
    {
      key: 'status',
      title: t('tickets.status'),
      value: (row) => t(`translation:ticketStatus.${row.status}`),
    },
    {
      key: 'severity',
      title: t('tickets.severity'),
      value: (row) => t(`tickets.severities.${row.severity}`),
    },
    { key: 'station', title: t('tickets.station'), value: (row) => row.stationName },
    { key: 'region', title: t('tickets.region'), value: (row) => row.region },
    {
      key: 'sla',
      title: t('tickets.slaBreached'),
      value: (row) => (row.slaBreached ? t('report.yes') : t('report.no')),
      render: (row) => (row.slaBreached ? <Tag color="error">{t('report.yes')}</Tag> : t('report.no')),
    },
    {
      key: 'rating',
      title: t('tickets.satisfaction'),
      value: (row) => row.satisfactionScore,
      align: 'right',
    },
  ];

  return (
    <>
      <ReportHeader title={t('quality.title')} intro={t('quality.intro')}>
        <Select
          aria-label={t('quality.month')}
          value={month}
          onChange={(next) => {
            setMonth(next);
            setCell(null);
          }}
          options={MONTHS.map((value) => ({ value, label: value }))}
          style={{ width: 120 }}
        />
      </ReportHeader>
      {(alerts.data?.total ?? 0) > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('quality.alertsRaised', { count: alerts.data!.total })}
        />
      )}
      <ChartCard title={t('quality.heatMap', { month })}>
        {cells.length === 0 && !rates.isPending ? (
          <Alert type="info" message={t('quality.noComplaints', { month })} />
        ) : (
          <EChart
            testId="quality-heat-map"
            option={option}
            height={Math.max(240, 80 + 44 * new Set(cells.map((row) => row.model)).size)}
            description={t('quality.heatMapDescription', { month, count: cells.length })}
            onClick={({ dataIndex }) => open(cells[dataIndex])}
          />
        )}
      </ChartCard>
      <ReportTable
        testId="quality-cells"
        title={t('quality.cells', { month })}
        file={`quality-${month}`}
        exportHref={exportHref('/analytics/quality/complaint-rates/export', { from: month, to: month })}
        columns={cellColumns}
        rows={cells}
        rowKey={(row) => `${row.model}/${row.qualityType}`}
        loading={rates.isPending}
        onRow={(row) => ({ onClick: () => open(row), style: { cursor: 'pointer' } })}
        rowClassName={(row) => (sameCell(cell, row) ? 'ant-table-row-selected' : '')}
      />
      {cell && (
        <ReportTable
          testId="cell-tickets"
          title={t('quality.cellTickets', { cell: cellName(cell) })}
          file={`tickets-${cell.model}-${cell.qualityType}-${cell.month}`}
          exportHref={exportHref('/analytics/quality/complaint-rates/tickets/export', {
            model: cell.model,
            qualityType: cell.qualityType as QualityType,
            month: cell.month,
          })}
          columns={ticketColumns}
          rows={tickets.data?.items}
          rowKey={(row) => row.ticketId}
          loading={tickets.isPending}
        />
      )}
      <ReportTable
        testId="quality-alerts"
        title={t('quality.alerts')}
        file="quality-alerts"
        exportHref={exportHref('/analytics/quality/alerts/export', {})}
        columns={alertColumns}
        rows={alerts.data?.items}
        rowKey={(row) => row.alertId}
        loading={alerts.isPending}
        onRow={(row) => ({ onClick: () => open(row), style: { cursor: 'pointer' } })}
      />
    </>
  );
}
