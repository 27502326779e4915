import { Alert, Card, Result, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/clients';

/** One screen of an area: its heading (the page's h1), a line saying what it shows, then its content. */
export function Screen({
  title,
  hint,
  extra,
  children,
}: {
  title: ReactNode;
  hint?: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card>
      <Space style={{ justifyContent: 'space-between', width: '100%', alignItems: 'start' }} wrap>
        <div>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 0 }}>
            {title}
          </Typography.Title>
          {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
        </div>
        {extra}
      </Space>
      {children}
    </Card>
  );
}

/** A record that could not be read: "not found" for one that is not there or not the caller's (404/403). */
export function RecordError({
  error,
  notFound,
}: {
  error: Error;
  notFound: { title: string; text: string };
}) {
  const hidden = error instanceof ApiError && (error.status === 404 || error.status === 403);
  return (
    <Result
      status={hidden ? '404' : 'error'}
      title={<h1 style={{ fontSize: 22, margin: 0 }}>{hidden ? notFound.title : error.message}</h1>}
      subTitle={hidden ? notFound.text : undefined}
    />
  );
}

/** A list that could not be loaded, saying why (the problem's detail). */
export function LoadFailed({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  return error && <Alert type="error" showIcon title={t('common.error', { message: error.message })} />;
}

/** Solid tag colours with white text: antd's light green and red tags miss WCAG AA contrast (axe). */
export const STATE_COLORS = { good: '#2f6f1a', bad: '#c41d1d', busy: '#1456c8' } as const;

/** A table's "no rows" text, in a colour that meets contrast (antd draws it in its disabled grey). */
export function NoRows({ text }: { text: string }) {
  return <Typography.Text type="secondary">{text}</Typography.Text>;
}
