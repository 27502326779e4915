import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDebounced } from '../agent/use-debounced';
import { ConditionRow } from './condition-row';
import {
  type Segment,
  type SegmentMember,
  useSaveSegment,
  useSegmentCount,
  useSegmentPreview,
} from './marketing-queries';
import { ProblemAlert } from './problem-alert';
import { type Combinator, type Condition, type SegmentRule, toRule } from './segment-rule';

/**
 * Builds a segment from conditions; once it has a name and a complete condition it is saved (and re-saved as it
 * changes), its member count and first members shown live.
 */
export function SegmentBuilderPage() {
  const { t } = useTranslation('marketing');
  const [name, setName] = useState('');
  const [combinator, setCombinator] = useState<Combinator>('all');
  const [conditions, setConditions] = useState<Condition[]>([{ key: 1, field: 'valueTier', values: [] }]);
  const draft = useDebounced(
    useMemo(
      () => JSON.stringify({ name: name.trim(), rule: toRule(combinator, conditions) }),
      [name, combinator, conditions],
    ),
    400,
  );
  const saved = useLiveDraft(draft);
  const count = useSegmentCount(saved.segment);
  const preview = useSegmentPreview(saved.segment?.id, saved.segment?.version);
  const change = (next: Condition) =>
    setConditions((current) => current.map((condition) => (condition.key === next.key ? next : condition)));
  const add = () =>
    setConditions((current) => [
      ...current,
      { key: Math.max(0, ...current.map((condition) => condition.key)) + 1, field: 'consent', values: [] },
    ]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('segment.title')}
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <label>
                <Typography.Text strong>{t('segment.name')}</Typography.Text>
                <Input
                  value={name}
                  placeholder={t('segment.namePlaceholder')}
                  onChange={(event) => setName(event.target.value)}
                  style={{ marginTop: 4 }}
                />
              </label>
              <Space>
                <Typography.Text id="segment-match">{t('segment.match')}</Typography.Text>
                <Select<Combinator>
                  aria-labelledby="segment-match"
                  value={combinator}
                  style={{ width: 140 }}
                  options={[
                    { value: 'all', label: t('segment.all') },
                    { value: 'any', label: t('segment.any') },
                  ]}
                  onChange={setCombinator}
                />
              </Space>
              {conditions.map((condition) => (
                <ConditionRow
                  key={condition.key}
                  condition={condition}
                  onChange={change}
                  onRemove={() =>
                    setConditions((current) => current.filter((kept) => kept.key !== condition.key))
                  }
                />
              ))}
              <Button icon={<PlusOutlined />} onClick={add}>
                {t('segment.addRule')}
              </Button>
              <ProblemAlert error={saved.error} />
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card>
            <Statistic
              title={t('segment.count')}
              value={count.data?.count ?? '—'}
              loading={count.isFetching && !count.data}
              valueRender={(node) => (
                <span data-testid="segment-count" aria-live="polite">
                  {node}
                </span>
              )}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {saved.segment ? t('segment.saved', { version: saved.segment.version }) : t('segment.unsaved')}
            </Typography.Paragraph>
            {saved.segment && (
              <Link to={`/marketing/campaigns/new?segment=${saved.segment.id}`}>
                {t('segment.newCampaign')}
              </Link>
            )}
          </Card>
        </Col>
      </Row>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('segment.preview')}</h2>}>
        <Table<SegmentMember>
          data-testid="segment-preview"
          rowKey="customerId"
          size="small"
          pagination={false}
          loading={preview.isFetching}
          dataSource={preview.data?.items ?? []}
          columns={[
            { title: t('segment.memberName'), dataIndex: 'name' },
            { title: t('segment.province'), dataIndex: 'province' },
            { title: t('segment.city'), dataIndex: 'city' },
          ]}
        />
      </Card>
    </Space>
  );
}

/** Saves each settled draft that has a name and a rule, one save at a time, the latest version edited. */
function useLiveDraft(draft: string): { segment: Segment | null; error: Error | null } {
  const save = useSaveSegment();
  const [segment, setSegment] = useState<Segment | null>(null);
  const sent = useRef('');
  useEffect(() => {
    if (save.isPending || draft === sent.current) return;
    const { name, rule } = JSON.parse(draft) as { name: string; rule: SegmentRule | null };
    if (!name || !rule) return;
    sent.current = draft;
    save.mutate({ saved: segment, name, rule }, { onSuccess: setSegment });
  }, [draft, save.isPending, segment]);
  return { segment, error: save.error };
}
