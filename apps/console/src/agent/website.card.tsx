import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer360 } from './agent-queries';
import { TAG_COLOURS } from './tag-colours';

type Consent = Customer360['consents'][number];

const minutes = (seconds: number) => Math.round(seconds / 60);

/** What the customer agreed to (contact channels and website tracking) and what they looked at on the website. */
export function WebsiteCard({
  consents,
  browsingProfile,
}: Pick<Customer360, 'consents' | 'browsingProfile'>) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('customer.none')}</Typography.Text>;
  const consentTag = (consent: Consent) => (
    <Tag key={consent.channel} style={TAG_COLOURS[consent.granted ? 'green' : 'grey']}>
      {t(`website.channel.${consent.channel}`)} ·{' '}
      {t(consent.granted ? 'website.granted' : 'website.withdrawn')}
    </Tag>
  );
  const dwellOf = (model: string) =>
    browsingProfile?.modelDwell.find((candidate) => candidate.model === model)?.dwellSeconds;
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('website.title')}</h2>} data-testid="website">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('website.consents')}>
          {consents.length ? <Space wrap>{consents.map(consentTag)}</Space> : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('website.timeOnSite')}>
          {browsingProfile?.dwellSeconds != null
            ? t('website.minutes', { count: minutes(browsingProfile.dwellSeconds) })
            : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('website.models')}>
          {browsingProfile?.models.length ? (
            <Space wrap>
              {browsingProfile.models.map((model) => {
                const dwell = dwellOf(model);
                return (
                  <Tag key={model}>
                    {dwell === undefined
                      ? model
                      : `${model} · ${t('website.minutes', { count: minutes(dwell) })}`}
                  </Tag>
                );
              })}
            </Space>
          ) : (
            none
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('website.interests')}>
          {browsingProfile?.interests.join(', ') || none}
        </Descriptions.Item>
        <Descriptions.Item label={t('website.visits')}>
          {browsingProfile
            ? t('website.visitsSince', {
                count: browsingProfile.visits,
                date: browsingProfile.lastVisitAt.slice(0, 10),
              })
            : none}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
