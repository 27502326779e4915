import { Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZE, useEscalations } from './service-manager-queries';
import { TicketTable } from './ticket-table';

/** Unresolved tickets with a breached SLA clock, the longest overdue first. */
export function EscalationsPage() {
  const { t } = useTranslation('serviceManager');
  const [offset, setOffset] = useState(0);
  const escalations = useEscalations({ limit: PAGE_SIZE, offset });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('escalations.title')}
      </Typography.Title>
      <TicketTable
        page={escalations.data}
        readAt={escalations.dataUpdatedAt}
        loading={escalations.isPending}
        emptyText={t('escalations.empty')}
        onPage={setOffset}
      />
    </Space>
  );
}
