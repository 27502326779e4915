import { Button, Card, Descriptions, Form, Input, Radio, Select, Space, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { type CampaignDraft, EMPTY_DRAFT, toLaunch } from './campaign-draft';
import {
  type Channel,
  OBJECTIVES,
  useLaunchCampaign,
  useSegmentPreview,
  useSegments,
} from './marketing-queries';
import { ProblemAlert } from './problem-alert';
import { ScheduleFields } from './schedule-fields';
import { TemplateEditor } from './template-editor';

const STEPS = ['audience', 'template', 'schedule', 'review'] as const;

/** A campaign in four steps: audience and channel, template, schedule and holdout, review; then created and scheduled. */
export function CampaignWizardPage() {
  const { t } = useTranslation('marketing');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<CampaignDraft>({
    ...EMPTY_DRAFT,
    segmentId: params.get('segment') ?? undefined,
  });
  const change = (next: Partial<CampaignDraft>) => setDraft((current) => ({ ...current, ...next }));
  const sample = useSegmentPreview(draft.segmentId, undefined, 1).data?.items[0];
  const launch = useLaunchCampaign();
  const submit = () =>
    launch.mutate(toLaunch(draft), {
      onSuccess: (campaign) => navigate(`/marketing/campaigns/${campaign.id}`),
    });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('wizard.title')}
      </Typography.Title>
      <Card>
        <Steps
          current={step}
          onChange={setStep}
          items={STEPS.map((key) => ({ title: t(`wizard.steps.${key}`) }))}
          style={{ marginBottom: 24 }}
        />
        {STEPS[step] === 'audience' && <AudienceFields draft={draft} onChange={change} />}
        {STEPS[step] === 'template' && <TemplateEditor draft={draft} onChange={change} sample={sample} />}
        {STEPS[step] === 'schedule' && <ScheduleFields draft={draft} onChange={change} />}
        {STEPS[step] === 'review' && <Review draft={draft} />}
        <ProblemAlert error={launch.error} />
        <Space style={{ marginTop: 24 }}>
          {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('wizard.back')}</Button>}
          {step < STEPS.length - 1 ? (
            <Button type="primary" onClick={() => setStep(step + 1)}>
              {t('wizard.next')}
            </Button>
          ) : (
            <Button type="primary" loading={launch.isPending} onClick={submit}>
              {draft.when === 'now' ? t('wizard.submit') : t('wizard.submitScheduled')}
            </Button>
          )}
        </Space>
      </Card>
    </Space>
  );
}

function AudienceFields({
  draft,
  onChange,
}: {
  draft: CampaignDraft;
  onChange: (change: Partial<CampaignDraft>) => void;
}) {
  const { t } = useTranslation('marketing');
  const segments = useSegments();
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label={t('wizard.name')} htmlFor="campaign-name">
        <Input
          id="campaign-name"
          value={draft.name}
          onChange={(event) => onChange({ name: event.target.value })}
        />
      </Form.Item>
      <Form.Item label={t('wizard.segment')}>
        <Select
          aria-label={t('wizard.segment')}
          showSearch={{ optionFilterProp: 'label' }}
          loading={segments.isPending}
          value={draft.segmentId}
          options={segments.data?.items.map((segment) => ({ value: segment.id, label: segment.name }))}
          onChange={(segmentId) => onChange({ segmentId })}
        />
      </Form.Item>
      <Form.Item label={t('wizard.channel')}>
        <Radio.Group
          aria-label={t('wizard.channel')}
          value={draft.channel}
          options={(['email', 'sms'] as Channel[]).map((channel) => ({
            value: channel,
            label: t(`segment.channels.${channel}`),
          }))}
          onChange={(event) => onChange({ channel: event.target.value as Channel })}
        />
      </Form.Item>
      <Form.Item label={t('wizard.objective')}>
        <Select
          aria-label={t('wizard.objective')}
          value={draft.objective}
          options={OBJECTIVES.map((objective) => ({
            value: objective,
            label: t(`wizard.objectives.${objective}`),
          }))}
          onChange={(objective) => onChange({ objective })}
        />
      </Form.Item>
    </Form>
  );
}

function Review({ draft }: { draft: CampaignDraft }) {
  const { t } = useTranslation('marketing');
  const segments = useSegments();
  const segment = segments.data?.items.find((candidate) => candidate.id === draft.segmentId);
  const when =
    draft.when === 'triggered'
      ? `${t('wizard.triggered')}: ${t(`wizard.triggers.${draft.trigger}`)}`
      : draft.when === 'at'
        ? draft.sendAt.replace('T', ' ')
        : draft.when === 'recurring'
          ? `${t('wizard.recurring')}: ${draft.cron}`
          : t('wizard.now');
  return (
    <Descriptions
      title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('wizard.review')}</h2>}
      bordered
      column={1}
      items={[
        { label: t('wizard.name'), children: draft.name },
        { label: t('wizard.segment'), children: segment?.name ?? '—' },
        { label: t('wizard.channel'), children: t(`segment.channels.${draft.channel}`) },
        { label: t('wizard.objective'), children: t(`wizard.objectives.${draft.objective}`) },
        {
          label: t('wizard.subject'),
          children: draft.channel === 'email' ? draft.email['zh-CN'].subject : draft.sms.providerTemplateId,
        },
        { label: t('wizard.when'), children: when },
        { label: t('wizard.holdout'), children: `${draft.holdoutPercent}%` },
      ]}
    />
  );
}
