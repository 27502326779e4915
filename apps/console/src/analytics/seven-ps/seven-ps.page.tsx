import { Alert, Select, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SevenP, type SevenPsGrouping, type SevenPsRow, useSevenPs } from '../analytics-queries';
import { ChartCard } from '../report/chart-card';
import { EChart } from '../report/echart';
import { formatMoney, formatNumber, formatPercent } from '../report/format';
import { ReportHeader } from '../report/report-header';
import { type ReportColumn, ReportTable } from '../report/report-table';
import { liftOption } from './lift-option';
import { sevenPsOption } from './seven-ps-option';

const PS: SevenP[] = [
  'profiling',
  'persistency',
  'profitability',
  'performance',
  'prospecting',
  'product',
  'promotion',
];
const RATE = /(Rate|Share|share)$|^lift(Low|High)?$/;
const MONEY = /(value|Value|Revenue|revenue|clv|Clv)$/;

function formatFigure(column: string, value: string | number | null): string {
  if (typeof value !== 'number') return value ?? '–';
  if (RATE.test(column)) return formatPercent(value);
  if (MONEY.test(column)) return formatMoney(value);
  return formatNumber(value);
}

/** The seven Ps, one panel each: grouped as the P offers, every figure in a table and the first charted. */
export function SevenPsPage() {
  const { t } = useTranslation('analytics');
  const [p, setP] = useState<SevenP>('profiling');
  const [by, setBy] = useState<SevenPsGrouping | undefined>(undefined);
  const report = useSevenPs(p, by).data;
  const reportColumns = report?.columns ?? [];
  // A campaign is shown by its name where the rows carry one, its id otherwise.
  const hidden = reportColumns.includes('name') ? ['campaignId'] : [];
  const isKey = (column: string) =>
    (report?.groupings as string[] | undefined)?.includes(column) ||
    column === 'name' ||
    column === 'campaignId';
  const keys = reportColumns.filter((column) => isKey(column) && !hidden.includes(column));
  const figures = reportColumns.filter((column) => !isKey(column));
  const showsLift = figures.includes('lift');
  const columnName = (column: string) => t(`sevenPs.columns.${column}`, { defaultValue: column });
  const keyValue = (row: SevenPsRow, column: string) => {
    const value = row[column];
    if (value === null) return t('sevenPs.unknown');
    return t(`sevenPs.values.${column}.${value}`, { defaultValue: String(value) });
  };
  const label = (row: SevenPsRow) => keys.map((column) => keyValue(row, column)).join(' · ');
  const charted = showsLift ? 'lift' : figures[0];
  const rows = useMemo(() => report?.items ?? [], [report]);
  const option = useMemo(() => {
    if (showsLift)
      return liftOption(rows, label, { lift: columnName('lift'), interval: t('sevenPs.interval') });
    return charted ? sevenPsOption(rows, label, charted, columnName(charted)) : {};
  }, [rows, charted, showsLift, t]);
  const columns: ReportColumn<SevenPsRow>[] = [
    ...keys.map((column) => ({
      key: column,
      title: columnName(column),
      value: (row: SevenPsRow) => keyValue(row, column),
    })),
    ...figures.map((column) => ({
      key: column,
      title: columnName(column),
      value: (row: SevenPsRow) => row[column],
      render: (row: SevenPsRow) => formatFigure(column, row[column]),
      align: 'right' as const,
    })),
  ];

  return (
    <>
      <ReportHeader
        title={t('sevenPs.title')}
        intro={t('sevenPs.intro')}
        newestEventAt={report?.freshness.newestEventAt ?? null}
      >
        {report && (
          <Select<SevenPsGrouping>
            aria-label={t('sevenPs.groupBy')}
            value={report.by}
            onChange={setBy}
            options={report.groupings.map((value) => ({ value, label: columnName(value) }))}
            style={{ width: 140 }}
          />
        )}
      </ReportHeader>
      <Segmented<SevenP>
        aria-label={t('sevenPs.title')}
        value={p}
        onChange={(next) => {
          setP(next);
          setBy(undefined);
        }}
        options={PS.map((value) => ({ value, label: t(`sevenPs.ps.${value}`) }))}
        style={{ marginBottom: 16 }}
      />
      {report && report.missing.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message={t('sevenPs.missing')}
          description={report.missing.join('; ')}
        />
      )}
      {charted && (
        <ChartCard title={t('sevenPs.chart', { figure: columnName(charted), by: columnName(report!.by) })}>
          <EChart
            option={option}
            description={t('sevenPs.chartDescription', {
              figure: columnName(charted),
              rows: rows.map((row) => `${label(row)} ${formatFigure(charted, row[charted])}`).join(', '),
            })}
          />
        </ChartCard>
      )}
      <ReportTable
        testId="seven-ps"
        title={t('sevenPs.table', { p: t(`sevenPs.ps.${p}`) })}
        file={`seven-ps-${p}-${report?.by ?? ''}`}
        columns={columns}
        rows={rows}
        rowKey={label}
      />
    </>
  );
}
