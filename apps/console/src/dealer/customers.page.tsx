import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { serverPagination, usePageParam } from '../paging/server-pages';
import { LoadFailed, NoRows, Screen } from '../screen/screen';
import { type DealerCustomer, useDealerCustomers } from './dealer-queries';

/** The customers linked to the dealer (bought from it, or registered by it). */
export function CustomersPage() {
  const { t } = useTranslation('dealer');
  const paging = usePageParam();
  const customers = useDealerCustomers(paging.range);
  const items = customers.data?.items ?? [];
  return (
    <Screen title={t('customers.title')} hint={t('customers.hint')}>
      <LoadFailed error={customers.error} />
      <Table<DealerCustomer>
        data-testid="dealer-customers"
        rowKey="id"
        size="middle"
        loading={customers.isFetching}
        dataSource={items}
        pagination={serverPagination(paging, items.length)}
        locale={{ emptyText: <NoRows text={t('customers.empty')} /> }}
        columns={[
          {
            title: t('customers.name'),
            render: (_, c) => <Link to={`/dealer/customers/${c.id}`}>{c.name}</Link>,
          },
          { title: t('customers.phones'), render: (_, c) => c.phones.join(', ') },
          { title: t('customers.city'), render: (_, c) => c.address?.city ?? '' },
          { title: t('customers.since'), render: (_, c) => c.createdAt.slice(0, 10) },
        ]}
      />
    </Screen>
  );
}
