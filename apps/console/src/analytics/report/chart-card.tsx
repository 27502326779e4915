import { Card } from 'antd';
import type { ReactNode } from 'react';

/** A titled card around a chart (its table alternative sits in the report table beside it). */
export function ChartCard({
  title,
  children,
  extra,
}: {
  title: string;
  children: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}
      extra={extra}
      style={{ marginBottom: 16 }}
    >
      {children}
    </Card>
  );
}
