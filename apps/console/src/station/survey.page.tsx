import { Button, Card, Form, Input, Rate, Result, Segmented, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../api/clients';
import { changeLanguage, type Language } from '../i18n/i18n';
import { type OpenSurvey, type SurveyAnswer, useAnswerSurvey, useSurvey } from './station-queries';

/** What the service app's answer says about the link (ADR 0041): unknown 404, used 409, expired 410. */
const LINK_STATES: Record<number, 'unknown' | 'used' | 'expired'> = {
  404: 'unknown',
  409: 'used',
  410: 'expired',
};

const linkState = (error: unknown) => (error instanceof ApiError ? LINK_STATES[error.status] : undefined);

/** The customer's survey, opened from the SMS or email link without signing in: phone first, answered once. */
export function SurveyPage() {
  const { t } = useTranslation('station');
  const { token = '' } = useParams();
  const survey = useSurvey(token);
  const answer = useAnswerSurvey(token);
  const state = linkState(survey.error) ?? linkState(answer.error);

  let body;
  if (survey.isPending) body = <Skeleton active />;
  else if (answer.isSuccess)
    body = <Result status="success" title={t('survey.thanks')} subTitle={t('survey.thanksDetail')} />;
  else if (state)
    body = (
      <Result
        status={state === 'unknown' ? '404' : 'warning'}
        title={t(`survey.${state}`)}
        subTitle={t(`survey.${state}Detail`)}
        data-testid={`survey-${state}`}
      />
    );
  else if (survey.isError) body = <Result status="error" title={t('survey.failed')} />;
  else
    body = (
      <SurveyForm
        survey={survey.data}
        sending={answer.isPending}
        failed={answer.isError}
        onAnswer={(values) => answer.mutate(values)}
      />
    );

  return (
    <main style={{ minHeight: '100vh', background: '#f5f5f5', padding: '16px 12px' }}>
      <div style={{ maxWidth: 480, margin: '0 auto' }}>
        <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8 }}>
          <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
            {t('survey.title')}
          </Typography.Title>
          <LanguageSwitch />
        </header>
        <Card style={{ marginTop: 12 }}>{body}</Card>
      </div>
    </main>
  );
}

interface FormProps {
  survey: OpenSurvey;
  sending: boolean;
  failed: boolean;
  onAnswer: (answer: SurveyAnswer) => void;
}

function SurveyForm({ survey, sending, failed, onAnswer }: FormProps) {
  const { t } = useTranslation('station');
  const stars = t('survey.stars', { returnObjects: true }) as string[];
  const facts = [
    [t('survey.station'), survey.stationName],
    [t('survey.qualityType'), t(`translation:qualityType.${survey.qualityType}`)],
    [t('survey.resolvedAt'), survey.resolvedAt && new Date(survey.resolvedAt).toLocaleDateString()],
  ].filter(([, value]) => value);
  return (
    <>
      <Typography.Paragraph>{t('survey.intro', { number: survey.ticketNumber })}</Typography.Paragraph>
      <dl style={{ margin: '0 0 16px', display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px' }}>
        {facts.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt style={{ color: 'rgba(0, 0, 0, 0.68)' }}>{label}</dt>
            <dd style={{ margin: 0 }}>{value}</dd>
          </div>
        ))}
      </dl>
      <Form<SurveyAnswer> layout="vertical" onFinish={onAnswer} requiredMark={false}>
        <Form.Item
          label={t('survey.rating')}
          name="score"
          rules={[{ required: true, message: t('survey.ratingRequired') }]}
        >
          <StarRating labels={stars} label={t('survey.rating')} />
        </Form.Item>
        <Form.Item label={t('survey.comment')} name="comment">
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder={t('survey.commentHint')} />
        </Form.Item>
        {failed && (
          <Typography.Paragraph type="danger" role="alert">
            {t('survey.failed')}
          </Typography.Paragraph>
        )}
        <Button type="primary" htmlType="submit" size="large" block loading={sending}>
          {t('survey.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>
        {t('survey.expiresAt', { date: new Date(survey.expiresAt).toLocaleDateString() })}
      </Typography.Paragraph>
    </>
  );
}

interface StarRatingProps {
  label: string;
  labels: string[];
  value?: number;
  onChange?: (value: number) => void;
  id?: string;
}

/** antd's stars (role="radio" each) inside the radio group they need, which takes what Form.Item passes (id, aria). */
function StarRating({ label, labels, value, onChange, ...aria }: StarRatingProps) {
  return (
    <div role="radiogroup" aria-label={label} {...aria}>
      <Rate tooltips={labels} value={value} onChange={onChange} style={{ fontSize: 36 }} />
    </div>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation('station');
  return (
    <Segmented<Language>
      aria-label={t('survey.language')}
      size="small"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'EN', value: 'en' },
      ]}
      onChange={changeLanguage}
    />
  );
}
