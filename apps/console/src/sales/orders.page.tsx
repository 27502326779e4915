import { Flex, Skeleton, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOrders } from './commerce-queries';
import { useOwnerNames } from './owner-names';
import { ReadFailure } from './problem-views';
import { day, formatMoney } from './sales-format';
import type { Order } from './sales-types';

/** Orders placed from accepted quotes or won opportunities, newest first. */
export function OrdersPage() {
  const { t, i18n } = useTranslation('sales');
  const orders = useOrders();
  const ownerName = useOwnerNames();
  if (orders.isError) return <ReadFailure error={orders.error} />;
  if (orders.isPending) return <Skeleton active />;
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('orders.title')}
      </Typography.Title>
      <Table<Order>
        data-testid="orders"
        rowKey="id"
        size="small"
        dataSource={orders.data.items}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('orders.empty') }}
        columns={[
          { title: t('orders.number'), dataIndex: 'number' },
          { title: t('orders.placedAt'), render: (_, o) => day(o.placedAt) },
          {
            title: t('orders.items'),
            render: (_, o) =>
              o.items.map((item) => `${item.modelName} ${item.trimName} × ${item.quantity}`).join('; '),
          },
          { title: t('orders.total'), render: (_, o) => formatMoney(o.total, i18n.language) },
          { title: t('orders.owner'), render: (_, o) => ownerName(o.ownerId) },
          {
            title: t('orders.opportunity'),
            render: (_, o) => <Link to={`/sales/opportunities/${o.opportunityId}`}>{t('orders.open')}</Link>,
          },
        ]}
      />
    </Flex>
  );
}
