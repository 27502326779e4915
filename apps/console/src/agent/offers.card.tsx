import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer360 } from './agent-queries';

type Offer = Customer360['offers'][number];

/** What to offer the caller: campaigns' next best product, and the offers already granted to them. */
export function OffersCard({ nextBestOffer, offers }: Pick<Customer360, 'nextBestOffer' | 'offers'>) {
  const { t } = useTranslation();
  const worth = (offer: Offer) =>
    offer.kind === 'percent-off'
      ? t('offers.percentOff', { value: offer.value })
      : `${offer.value} ${offer.currency ?? ''}`.trim();
  return (
    <Card
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('offers.title')}</h2>}
      data-testid="offers"
      style={{ height: '100%' }}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {nextBestOffer ? (
          <Alert
            type="success"
            showIcon
            title={t('offers.nextBest', { product: nextBestOffer.product })}
            description={t('offers.nextBestWhy', nextBestOffer)}
          />
        ) : (
          <Typography.Text type="secondary">{t('offers.noNextBest')}</Typography.Text>
        )}
        {offers.length ? (
          <List<Offer>
            size="small"
            dataSource={offers}
            renderItem={(offer) => (
              <List.Item key={offer.offerId}>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      {offer.title}
                      <Tag>{worth(offer)}</Tag>
                      <Tag>{t(`offers.status.${offer.status}`)}</Tag>
                    </Space>
                  }
                  description={t('offers.validUntil', {
                    reason: offer.reason,
                    date: offer.validUntil.slice(0, 10),
                  })}
                />
              </List.Item>
            )}
          />
        ) : (
          <Typography.Text type="secondary">{t('offers.noneGranted')}</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
