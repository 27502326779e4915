import { Button, Card, Skeleton, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdjustForecastDialog } from './adjust-forecast-dialog';
import { useForecasts } from './manager-queries';
import { ReadFailure } from './problem-views';
import { formatMoney } from './sales-format';
import type { PersonForecast } from './sales-types';

/** A month's forecast per person: computed by category, the manager's adjustment and its note beside it. */
export function ForecastCard({ month }: { month: string }) {
  const { t, i18n } = useTranslation('sales');
  const forecasts = useForecasts(month);
  const [adjusting, setAdjusting] = useState<PersonForecast | null>(null);
  const money = (amount: number) => formatMoney(amount, i18n.language);
  const title = <h2 style={{ fontSize: 16, margin: 0 }}>{t('forecast.title', { month })}</h2>;
  if (forecasts.isError) return <ReadFailure error={forecasts.error} />;
  if (forecasts.isPending)
    return (
      <Card title={title}>
        <Skeleton active />
      </Card>
    );
  return (
    <Card title={title}>
      <Table<PersonForecast>
        data-testid="forecast"
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={forecasts.data.people}
        columns={[
          { title: t('manager.person'), dataIndex: 'name' },
          { title: t('forecast.commit'), render: (_, p) => money(p.computed.commit.amount) },
          { title: t('forecast.bestCase'), render: (_, p) => money(p.computed.bestCase.amount) },
          { title: t('forecast.pipeline'), render: (_, p) => money(p.computed.pipeline.amount) },
          { title: t('forecast.closed'), render: (_, p) => money(p.computed.closed.amount) },
          { title: t('forecast.computed'), render: (_, p) => money(p.computed.weighted) },
          {
            title: t('forecast.forecast'),
            render: (_, p) => <strong>{money(p.forecast)}</strong>,
          },
          {
            title: t('forecast.note'),
            render: (_, p) =>
              p.adjusted && (
                <Typography.Text data-testid="forecast-note">
                  {p.adjusted.note}
                  <Typography.Text type="secondary">
                    {' '}
                    (
                    {t('forecast.adjustedOn', {
                      date: new Date(p.adjusted.adjustedAt).toLocaleDateString(i18n.language),
                      count: p.history.length,
                    })}
                    )
                  </Typography.Text>
                </Typography.Text>
              ),
          },
          {
            title: t('forecast.actions'),
            render: (_, p) => (
              <Button
                size="small"
                autoInsertSpace={false}
                onClick={() => setAdjusting(p)}
                aria-label={t('forecast.adjustNamed', { name: p.name })}
              >
                {t('forecast.adjust')}
              </Button>
            ),
          },
        ]}
      />
      <AdjustForecastDialog person={adjusting} month={month} onDone={() => setAdjusting(null)} />
    </Card>
  );
}
