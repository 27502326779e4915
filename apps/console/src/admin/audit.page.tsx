import { DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverPagination, usePageParam } from '../paging/server-pages';
import { LoadFailed, NoRows, Screen } from '../screen/screen';
import { type AuditAction, type AuditEntry, type AuditFilter, useAuditLog } from './admin-queries';

const ACTIONS: AuditAction[] = [
  'user.created',
  'user.roles-changed',
  'user.disabled',
  'user.enabled',
  'user.password-reset',
  'partner-client.disabled',
  'partner-client.enabled',
  'partner-client.secret-rotated',
  'system-client.disabled',
  'system-client.enabled',
  'system-client.secret-rotated',
  'signing-key.rotated',
  'login-lock.cleared',
];

/** Who changed access, what and when: filtered by action, actor, entity and period. */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const paging = usePageParam();
  const [filter, setFilter] = useState<AuditFilter>({});
  const audit = useAuditLog(paging.range, filter);
  const items = audit.data?.items ?? [];
  const refine = (change: AuditFilter) => {
    setFilter({ ...filter, ...change });
    paging.setPage(1);
  };
  const idFilter = (key: 'actorId' | 'entityId') => (
    <Input.Search
      aria-label={t(`audit.${key}`)}
      placeholder={t(`audit.${key}`)}
      allowClear
      style={{ width: 330 }}
      onSearch={(value) => refine({ [key]: value.trim() || undefined })}
    />
  );
  return (
    <Screen title={t('audit.title')} hint={t('audit.hint')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<AuditAction>
          aria-label={t('audit.action')}
          placeholder={t('audit.anyAction')}
          allowClear
          style={{ width: 200 }}
          value={filter.action}
          onChange={(action) => refine({ action })}
          options={ACTIONS.map((action) => ({ value: action, label: t(`auditAction.${action}`) }))}
        />
        {idFilter('actorId')}
        {idFilter('entityId')}
        <DatePicker.RangePicker
          aria-label={t('audit.period')}
          placeholder={[t('audit.from'), t('audit.to')]}
          showTime
          onChange={(range) => refine({ from: range?.[0]?.toISOString(), to: range?.[1]?.toISOString() })}
        />
      </Space>
      <LoadFailed error={audit.error} />
      <Table<AuditEntry>
        data-testid="admin-audit"
        rowKey="id"
        size="middle"
        loading={audit.isFetching}
        dataSource={items}
        pagination={serverPagination(paging, items.length)}
        locale={{ emptyText: <NoRows text={t('audit.empty')} /> }}
        columns={[
          { title: t('audit.at'), render: (_, entry) => new Date(entry.at).toLocaleString() },
          { title: t('audit.action'), render: (_, entry) => <Tag>{t(`auditAction.${entry.action}`)}</Tag> },
          {
            title: t('audit.actor'),
            render: (_, entry) => entry.actorName ?? <Typography.Text code>{entry.actorId}</Typography.Text>,
          },
          {
            title: t('audit.entity'),
            render: (_, entry) => (
              <>
                {t(`entityType.${entry.entityType}`)} <Typography.Text code>{entry.entityId}</Typography.Text>
              </>
            ),
          },
          {
            title: t('audit.correlation'),
            render: (_, entry) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {entry.correlationId}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Screen>
  );
}
