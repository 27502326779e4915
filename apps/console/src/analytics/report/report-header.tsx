import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';

interface ReportHeaderProps {
  title: string;
  intro: string;
  /** The newest event the figures include. */
  newestEventAt?: string | null;
  /** The filters of the page, at the right. */
  children?: ReactNode;
}

/** A dashboard's heading, what it shows, how fresh it is, and its filters. */
export function ReportHeader({ title, intro, newestEventAt, children }: ReportHeaderProps) {
  const { t } = useTranslation('analytics');
  return (
    <div
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        flexWrap: 'wrap',
        gap: 16,
        marginBottom: 16,
      }}
    >
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {intro}
          {newestEventAt !== undefined && ` ${t('report.freshness', { at: formatDateTime(newestEventAt) })}`}
        </Typography.Text>
      </div>
      <Space wrap>{children}</Space>
    </div>
  );
}
