import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useListSearch } from '../paging/list-search';
import { serverPagination, usePageParam } from '../paging/server-pages';
import { LoadFailed, NoRows, Screen } from '../screen/screen';
import { ActiveTag } from './active-tag';
import { type User, type UserFilter, type UserRole, useSetUserActive, useUsers } from './admin-queries';
import { ROLES, UserForm } from './user-form';

/** Users found by name, role or state; their roles changed, new ones created, leavers disabled. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const { message } = App.useApp();
  const paging = usePageParam();
  const { setPage } = paging;
  const { typed, setTyped, search } = useListSearch(setPage);
  const [filter, setFilter] = useState<Omit<UserFilter, 'search'>>({});
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const users = useUsers(paging.range, { ...filter, search });
  const setActive = useSetUserActive();
  const items = users.data?.items ?? [];

  const toggle = (user: User) =>
    setActive.mutate(
      { id: user.id, active: !user.active },
      { onError: (error) => message.error(error.message) },
    );

  return (
    <Screen
      title={t('users.title')}
      hint={t('users.hint')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('users.create')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('users.search')}
          placeholder={t('users.search')}
          allowClear
          style={{ width: 280 }}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <Select<UserRole>
          aria-label={t('users.roles')}
          placeholder={t('users.anyRole')}
          allowClear
          style={{ width: 160 }}
          value={filter.role}
          onChange={(role) => {
            setFilter({ ...filter, role });
            setPage(1);
          }}
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <Select<'true' | 'false'>
          aria-label={t('users.state')}
          placeholder={t('users.anyState')}
          allowClear
          style={{ width: 140 }}
          value={filter.active === undefined ? undefined : filter.active ? 'true' : 'false'}
          onChange={(active) => {
            setFilter({ ...filter, active: active === undefined ? undefined : active === 'true' });
            setPage(1);
          }}
          options={(['true', 'false'] as const).map((active) => ({
            value: active,
            label: t(`active.${active}`),
          }))}
        />
      </Space>
      <LoadFailed error={users.error} />
      <Table<User>
        data-testid="admin-users"
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={items}
        pagination={serverPagination(paging, items.length)}
        locale={{ emptyText: <NoRows text={t('users.empty')} /> }}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.roles'),
            render: (_, user) => user.roles.map((role) => <Tag key={role}>{t(`roles.${role}`)}</Tag>),
          },
          {
            title: t('users.state'),
            render: (_, user) => <ActiveTag active={user.active} />,
          },
          {
            title: t('users.actions'),
            render: (_, user) => (
              <Space size="small">
                <Button size="small" onClick={() => setEditing(user)}>
                  {t('users.editRoles')}
                </Button>
                {user.active ? (
                  <Popconfirm
                    title={t('users.confirmDisable', { name: user.displayName })}
                    onConfirm={() => toggle(user)}
                  >
                    <Button size="small" danger>
                      {t('users.disable')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" onClick={() => toggle(user)}>
                    {t('users.enable')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <UserForm
        open={editing !== null}
        user={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </Screen>
  );
}
