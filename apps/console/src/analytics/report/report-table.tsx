import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Table, type TableProps, Typography } from 'antd';
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type CsvColumn, downloadCsv, toCsv } from './csv';

/** A column shown in the table and written to its CSV: the CSV takes `value`, the screen `render` if given. */
export interface ReportColumn<T> extends CsvColumn<T> {
  key: string;
  render?: (row: T) => ReactNode;
  align?: 'left' | 'right' | 'center';
}

interface ReportTableProps<T> {
  title: string;
  /** The downloaded file's name, without `.csv`. */
  file: string;
  /** The analytics API's CSV of the whole report (exportHref); without it, the rows here are the whole report. */
  exportHref?: string;
  columns: ReportColumn<T>[];
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  extra?: ReactNode;
  onRow?: TableProps<T>['onRow'];
  rowClassName?: (row: T) => string;
  testId?: string;
}

/**
 * A titled card with a table of report rows and an export button: the whole report from the API when the rows
 * are a page of it, else exactly the rows shown.
 */
export function ReportTable<T extends object>(props: ReportTableProps<T>) {
  const { t } = useTranslation('analytics');
  const rows = props.rows ?? [];
  const frame = useRef<HTMLDivElement>(null);
  // A table wider than its card scrolls sideways; keyboard users reach that scroll only if it takes focus.
  useEffect(() => {
    frame.current
      ?.querySelectorAll('.ant-table-content')
      .forEach((content) => content.setAttribute('tabindex', '0'));
  });
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{props.title}</h2>}
      extra={
        <>
          {props.extra}
          <Button
            icon={<DownloadOutlined />}
            disabled={rows.length === 0}
            {...(props.exportHref
              ? { href: props.exportHref, download: `${props.file}.csv` }
              : { onClick: () => downloadCsv(props.file, toCsv(props.columns, rows)) })}
            aria-label={t('report.exportNamed', { title: props.title })}
          >
            {t('report.export')}
          </Button>
        </>
      }
      style={{ marginBottom: 16 }}
    >
      <div ref={frame}>
        <Table<T>
          data-testid={props.testId}
          size="small"
          loading={props.loading}
          dataSource={rows as T[]}
          rowKey={props.rowKey}
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          onRow={props.onRow}
          rowClassName={props.rowClassName}
          scroll={{ x: 'max-content' }}
          // antd greys the empty text below 4.5:1; the theme's secondary text meets it.
          locale={{ emptyText: <Typography.Text type="secondary">{t('report.empty')}</Typography.Text> }}
          columns={props.columns.map((column) => ({
            key: column.key,
            title: column.title,
            align: column.align,
            render: (_, row) => (column.render ? column.render(row) : column.value(row)),
          }))}
        />
      </div>
    </Card>
  );
}
