import { Card, Input, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type LookupHit, useLookup } from './agent-queries';
import { useDebounced } from './use-debounced';

/** The agent desktop's first screen: find the caller as the agent types (name, pinyin, phone, VIN). */
export function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get('q') ?? '';
  // Typed into local state (the URL updates a beat later and would drop keystrokes if it drove the box).
  const [query, setQuery] = useState(fromUrl);
  const settled = useDebounced(query.trim(), 150);
  useEffect(() => {
    if (fromUrl !== settled) setQuery(fromUrl); // a screen pop's caller number, or back/forward
  }, [fromUrl]); // only when the URL moves, not on each keystroke
  useEffect(() => {
    if (settled !== fromUrl) setParams(settled ? { q: settled } : {}, { replace: true });
  }, [settled]);
  const lookup = useLookup(settled);
  const open = (hit: LookupHit) => navigate(`/agent/customers/${hit.customerId}`);
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('search.title')}
      </Typography.Title>
      <Input.Search
        aria-label={t('search.placeholder')}
        placeholder={t('search.placeholder')}
        value={query}
        size="large"
        allowClear
        autoFocus
        loading={lookup.isFetching}
        onChange={(event) =>
          setParams(event.target.value ? { q: event.target.value } : {}, { replace: true })
        }
        onSearch={() => lookup.data?.items[0] && open(lookup.data.items[0])}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('search.hint')}
      </Typography.Paragraph>
      {settled.length > 0 && (
        <Table<LookupHit>
          data-testid="lookup-results"
          rowKey="customerId"
          size="middle"
          loading={lookup.isPending}
          dataSource={lookup.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('search.empty') }}
          onRow={(hit) => ({ onClick: () => open(hit), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('search.name'),
              render: (_, hit) => (
                <Link to={`/agent/customers/${hit.customerId}`}>
                  {hit.name}
                  {hit.nameLatin && <Typography.Text type="secondary"> {hit.nameLatin}</Typography.Text>}
                </Link>
              ),
            },
            { title: t('search.phones'), render: (_, hit) => hit.phones.join(', ') },
            { title: t('search.vins'), render: (_, hit) => hit.vins.join(', ') },
            { title: t('search.city'), dataIndex: 'city' },
            {
              title: t('search.matchedBy'),
              render: (_, hit) => <Tag>{t(`search.by.${hit.matchedBy}`)}</Tag>,
            },
          ]}
        />
      )}
    </Card>
  );
}
