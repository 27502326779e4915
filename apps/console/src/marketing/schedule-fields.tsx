import { Form, Input, InputNumber, Radio, Select, Slider } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CampaignDraft, TRIGGERS, type When } from './campaign-draft';
import { type HolidayKey, useHolidays } from './marketing-queries';

interface Props {
  draft: CampaignDraft;
  onChange: (change: Partial<CampaignDraft>) => void;
}

const WHEN: When[] = ['now', 'at', 'recurring', 'triggered'];

/** When the campaign goes out (once, on a cron, or on a trigger such as a birthday or a lunar holiday) and its holdout. */
export function ScheduleFields({ draft, onChange }: Props) {
  const { t } = useTranslation('marketing');
  return (
    <Form layout="vertical" style={{ maxWidth: 640 }}>
      <Form.Item label={t('wizard.when')}>
        <Radio.Group
          aria-label={t('wizard.when')}
          value={draft.when}
          options={WHEN.map((when) => ({ value: when, label: t(`wizard.${when}`) }))}
          onChange={(event) => onChange({ when: event.target.value as When })}
        />
      </Form.Item>
      {draft.when === 'at' && (
        <Form.Item label={t('wizard.at')} htmlFor="send-at">
          <Input
            id="send-at"
            type="datetime-local"
            value={draft.sendAt}
            onChange={(event) => onChange({ sendAt: event.target.value })}
          />
        </Form.Item>
      )}
      {draft.when === 'recurring' && (
        <Form.Item label={t('wizard.recurring')} htmlFor="cron">
          <Input id="cron" value={draft.cron} onChange={(event) => onChange({ cron: event.target.value })} />
        </Form.Item>
      )}
      {draft.when === 'triggered' && <TriggerFields draft={draft} onChange={onChange} />}
      <Form.Item label={t('wizard.holdout')}>
        <Slider
          ariaLabelForHandle={t('wizard.holdout')}
          min={0}
          max={50}
          value={draft.holdoutPercent}
          marks={{ 0: '0%', 10: '10%', 25: '25%', 50: '50%' }}
          onChange={(holdoutPercent) => onChange({ holdoutPercent })}
        />
      </Form.Item>
      <Form.Item label={t('wizard.attributionDays')} htmlFor="attribution-days">
        <InputNumber
          id="attribution-days"
          min={1}
          max={365}
          value={draft.attributionDays}
          onChange={(days) => onChange({ attributionDays: days ?? 30 })}
        />
      </Form.Item>
    </Form>
  );
}

function TriggerFields({ draft, onChange }: Props) {
  const { t } = useTranslation('marketing');
  const holidays = useHolidays(new Date().getFullYear());
  return (
    <>
      <Form.Item label={t('wizard.trigger')}>
        <Select
          aria-label={t('wizard.trigger')}
          value={draft.trigger}
          options={TRIGGERS.map((trigger) => ({ value: trigger, label: t(`wizard.triggers.${trigger}`) }))}
          onChange={(trigger) => onChange({ trigger })}
        />
      </Form.Item>
      {draft.trigger === 'holiday' && (
        <>
          <Form.Item label={t('wizard.holiday')}>
            <Select<HolidayKey>
              aria-label={t('wizard.holiday')}
              loading={holidays.isPending}
              value={draft.holiday}
              options={holidays.data?.items.map((holiday) => ({
                value: holiday.key,
                label: `${holiday.name} (${holiday.date})`,
              }))}
              onChange={(holiday) => onChange({ holiday })}
            />
          </Form.Item>
          <Form.Item label={t('wizard.daysBefore')} htmlFor="days-before">
            <InputNumber
              id="days-before"
              min={0}
              max={30}
              value={draft.daysBefore}
              onChange={(days) => onChange({ daysBefore: days ?? 0 })}
            />
          </Form.Item>
        </>
      )}
      {draft.trigger === 'purchase-anniversary' && (
        <Form.Item label={t('wizard.years')} htmlFor="years">
          <InputNumber
            id="years"
            min={1}
            max={30}
            value={draft.years}
            onChange={(years) => onChange({ years: years ?? undefined })}
          />
        </Form.Item>
      )}
      {draft.trigger === 'service-due' && (
        <Form.Item label={t('wizard.months')} htmlFor="months">
          <InputNumber
            id="months"
            min={1}
            max={36}
            value={draft.months}
            onChange={(months) => onChange({ months: months ?? 6 })}
          />
        </Form.Item>
      )}
    </>
  );
}
