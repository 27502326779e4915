import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDebounced } from '../agent/use-debounced';
import { ConditionRow } from './condition-row';
import { type Segment, type SegmentMember, useRuleEvaluation, useSaveSegment } from './marketing-queries';
import { ProblemAlert } from './problem-alert';
import { type Combinator, type Condition, type SegmentRule, toRule } from './segment-rule';

interface Draft {
  name: string;
  rule: SegmentRule | null;
}

/**
 * Builds a segment from conditions: the rule as it stands is counted live (unsaved, debounced) with its first
 * members; the segment is stored only when the marketer saves it.
 */
export function SegmentBuilderPage() {
  const { t } = useTranslation('marketing');
  const [name, setName] = useState('');
  const [combinator, setCombinator] = useState<Combinator>('all');
  const [conditions, setConditions] = useState<Condition[]>([{ key: 1, field: 'valueTier', values: [] }]);
  const draft: Draft = useMemo(
    () => ({ name: name.trim(), rule: toRule(combinator, conditions) }),
    [name, combinator, conditions],
  );
  const settledRule = useDebounced(JSON.stringify(draft.rule), 400);
  const evaluation = useRuleEvaluation(JSON.parse(settledRule) as SegmentRule | null);
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
              <ProblemAlert error={evaluation.error} />
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <SaveCard draft={draft} count={evaluation.data?.count} counting={evaluation.isFetching} />
        </Col>
      </Row>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('segment.preview')}</h2>}>
        <Table<SegmentMember>
          data-testid="segment-preview"
          rowKey="customerId"
          size="small"
          pagination={false}
          loading={evaluation.isFetching}
          dataSource={evaluation.data?.items ?? []}
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

/** The live count, and Save: the first save creates the segment, later ones store the changes as a new version. */
function SaveCard({ draft, count, counting }: { draft: Draft; count?: number; counting: boolean }) {
  const { t } = useTranslation('marketing');
  const save = useSaveSegment();
  const [saved, setSaved] = useState<{ segment: Segment; as: string } | null>(null);
  const current = JSON.stringify(draft);
  const changed = saved?.as !== current;
  const saveDraft = (rule: SegmentRule) =>
    save.mutate(
      { saved: saved?.segment ?? null, name: draft.name, rule },
      { onSuccess: (segment) => setSaved({ segment, as: current }) },
    );
  return (
    <Card>
      <Statistic
        title={t('segment.count')}
        value={count ?? '—'}
        loading={counting && count === undefined}
        valueRender={(node) => (
          <span data-testid="segment-count" aria-live="polite">
            {node}
          </span>
        )}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {!saved
          ? t('segment.unsaved')
          : changed
            ? t('segment.changed', { version: saved.segment.version })
            : t('segment.saved', { version: saved.segment.version })}
      </Typography.Paragraph>
      <Space orientation="vertical">
        <Button
          type="primary"
          disabled={!draft.name || !draft.rule || !changed}
          loading={save.isPending}
          onClick={() => draft.rule && saveDraft(draft.rule)}
        >
          {t('segment.save')}
        </Button>
        <ProblemAlert error={save.error} />
        {saved && !changed && (
          <Link to={`/marketing/campaigns/new?segment=${saved.segment.id}`}>{t('segment.newCampaign')}</Link>
        )}
      </Space>
    </Card>
  );
}
