import { Button, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type QuoteStep, usePlaceOrder, useQuoteStep } from './commerce-queries';
import { RefusedChange } from './problem-views';
import { day, formatMoney } from './sales-format';
import type { Quote } from './sales-types';

const NEXT_STEPS: Record<Quote['status'], QuoteStep[]> = {
  draft: ['send'],
  sent: ['accept', 'reject'],
  accepted: [],
  rejected: [],
  expired: [],
};

/** An opportunity's quotes, version by version, with what can happen to each next. */
export function QuoteList({
  opportunityId,
  quotes,
  selected,
  onSelect,
}: {
  opportunityId: string;
  quotes: Quote[];
  selected: string | undefined;
  onSelect: (quote: Quote) => void;
}) {
  const { t, i18n } = useTranslation('sales');
  const step = useQuoteStep(opportunityId);
  const order = usePlaceOrder();
  return (
    <>
      <RefusedChange error={step.error ?? order.error} />
      <Table<Quote>
        data-testid="quotes"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={quotes}
        locale={{ emptyText: t('quotes.none') }}
        rowClassName={(quote) => (quote.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('quotes.number'), render: (_, q) => `${q.number} v${q.version}` },
          { title: t('quotes.status'), render: (_, q) => <Tag>{t(`quoteStatus.${q.status}`)}</Tag> },
          { title: t('quotes.total'), render: (_, q) => formatMoney(q.total, i18n.language) },
          { title: t('quotes.validUntil'), render: (_, q) => day(q.validUntil) },
          {
            title: t('quotes.actions'),
            render: (_, q) => (
              <Space size={4} wrap>
                <Button size="small" onClick={() => onSelect(q)} aria-pressed={q.id === selected}>
                  {t('quotes.preview')}
                </Button>
                {NEXT_STEPS[q.status].map((next) => (
                  <Button key={next} size="small" onClick={() => step.mutate({ id: q.id, step: next })}>
                    {t(`quotes.${next}`)}
                  </Button>
                ))}
                {q.status === 'accepted' && (
                  <Button size="small" type="primary" onClick={() => order.mutate(q.id)}>
                    {t('quotes.placeOrder')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
