import { Card, Col, Flex, Form, Row, Select, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useLines, useQuotes } from './commerce-queries';
import { LineForm } from './line-form';
import { useOpportunities } from './pipeline-queries';
import { ReadFailure } from './problem-views';
import { QuoteForm } from './quote-form';
import { QuoteList } from './quote-list';
import { QuotePdf } from './quote-pdf';
import { formatMoney } from './sales-format';
import type { OpportunityLine } from './sales-types';

const cardTitle = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/** The quote builder: an opportunity's products, its quotes and the PDF the customer receives. */
export function QuotesPage() {
  const { t } = useTranslation('sales');
  const [search, setSearch] = useSearchParams();
  const opportunities = useOpportunities();
  const opportunityId = search.get('opportunity') ?? undefined;
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('quotes.title')}
      </Typography.Title>
      <Form layout="inline">
        <Form.Item label={t('quotes.opportunity')} htmlFor="quote-opportunity">
          <Select
            id="quote-opportunity"
            style={{ width: 360 }}
            value={opportunityId}
            loading={opportunities.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('quotes.pickOpportunity')}
            options={(opportunities.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
            onChange={(id: string) => setSearch({ opportunity: id })}
          />
        </Form.Item>
      </Form>
      {opportunityId && <QuoteBuilder key={opportunityId} opportunityId={opportunityId} />}
    </Flex>
  );
}

function QuoteBuilder({ opportunityId }: { opportunityId: string }) {
  const { t, i18n } = useTranslation('sales');
  const lines = useLines(opportunityId);
  const quotes = useQuotes(opportunityId);
  const [previewId, setPreviewId] = useState<string>();
  if (lines.isError) return <ReadFailure error={lines.error} />;
  if (quotes.isError) return <ReadFailure error={quotes.error} />;
  if (lines.isPending || quotes.isPending) return <Skeleton active />;
  const preview = quotes.data.items.find((q) => q.id === previewId) ?? quotes.data.items[0];
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Flex vertical gap="middle">
          <Card title={cardTitle(t('quotes.lines'))}>
            <Table<OpportunityLine>
              data-testid="lines"
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={lines.data.lines}
              locale={{ emptyText: t('quotes.noLines') }}
              columns={[
                { title: t('quotes.model'), render: (_, l) => `${l.modelName} ${l.trimName}` },
                { title: t('quotes.quantity'), dataIndex: 'quantity' },
                { title: t('quotes.unitPrice'), render: (_, l) => formatMoney(l.unitPrice, i18n.language) },
                {
                  title: t('quotes.discount'),
                  render: (_, l) => formatMoney({ ...l.unitPrice, amount: l.discount }, i18n.language),
                },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={3}>
                    {t('quotes.total')}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3}>
                    {formatMoney(lines.data.amount, i18n.language)}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            <LineForm opportunityId={opportunityId} />
          </Card>
          <Card title={cardTitle(t('quotes.newQuote'))}>
            <QuoteForm opportunityId={opportunityId} onIssued={(quote) => setPreviewId(quote.id)} />
          </Card>
          <Card title={cardTitle(t('quotes.list'))}>
            <QuoteList
              opportunityId={opportunityId}
              quotes={quotes.data.items}
              selected={preview?.id}
              onSelect={(quote) => setPreviewId(quote.id)}
            />
          </Card>
        </Flex>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={cardTitle(t('quotes.pdf'))}>
          {preview ? (
            <QuotePdf key={preview.id} quote={preview} />
          ) : (
            <Typography.Text>{t('quotes.none')}</Typography.Text>
          )}
        </Card>
      </Col>
    </Row>
  );
}
