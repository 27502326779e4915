import { Alert, Button, Flex, Modal, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ActivityForm } from './activity-form';
import { useActivities } from './lead-queries';
import { useOwnerNames } from './owner-names';
import { ReadFailure } from './problem-views';
import { day, today } from './sales-format';
import type { Activity } from './sales-types';

type Due = 'overdue' | 'today' | 'later' | 'none';

function dueOf(activity: Activity, on: string): Due {
  const due = day(activity.nextStepDue);
  if (!activity.nextStep || !due) return 'none';
  return due < on ? 'overdue' : due === on ? 'today' : 'later';
}

/** Calls, visits and test drives: what was discussed, the next step and when it is due, overdue ones first. */
export function ActivitiesPage() {
  const { t } = useTranslation('sales');
  const activities = useActivities();
  const ownerName = useOwnerNames();
  const [logging, setLogging] = useState(false);
  if (activities.isError) return <ReadFailure error={activities.error} />;
  if (activities.isPending) return <Skeleton active />;
  const on = today();
  const overdue = activities.data.items.filter((a) => dueOf(a, on) === 'overdue').length;
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('activities.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setLogging(true)}>
          {t('activities.log')}
        </Button>
      </Flex>
      {overdue > 0 && (
        <Alert type="warning" showIcon title={t('activities.overdueCount', { count: overdue })} />
      )}
      <Table<Activity>
        data-testid="activities"
        rowKey="id"
        size="small"
        dataSource={activities.data.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('activities.when'), width: 110, render: (_, a) => day(a.occurredAt) },
          { title: t('activities.type'), width: 80, render: (_, a) => t(`activityType.${a.type}`) },
          {
            title: t('activities.subject'),
            render: (_, a) =>
              a.opportunityId ? (
                <Link to={`/sales/opportunities/${a.opportunityId}`}>{a.subject}</Link>
              ) : (
                a.subject
              ),
          },
          { title: t('activities.discussed'), dataIndex: 'discussed' },
          { title: t('activities.nextStep'), render: (_, a) => a.nextStep ?? '' },
          {
            title: t('activities.due'),
            sorter: (a, b) => day(a.nextStepDue).localeCompare(day(b.nextStepDue)),
            render: (_, a) => <DueTag due={dueOf(a, on)} date={day(a.nextStepDue)} />,
          },
          { title: t('activities.owner'), width: 100, render: (_, a) => ownerName(a.ownerId) },
        ]}
      />
      <Modal
        open={logging}
        title={t('activities.log')}
        footer={null}
        onCancel={() => setLogging(false)}
        destroyOnHidden
      >
        <ActivityForm onLogged={() => setLogging(false)} />
      </Modal>
    </Flex>
  );
}

/** The due day, with its state in words, not only in colour. */
function DueTag({ due, date }: { due: Due; date: string }) {
  const { t } = useTranslation('sales');
  if (due === 'none') return date;
  if (due === 'later') return date;
  return (
    <Tag color={due === 'overdue' ? 'red' : 'blue'} data-testid={`due-${due}`}>
      {date} · {t(`activities.${due}`)}
    </Tag>
  );
}
