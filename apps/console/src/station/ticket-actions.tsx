import { App, Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResolveFields } from './resolve-fields';
import { StepDialog } from './step-dialog';
import { type RepairRecord, type StationTicket, useStationActions } from './station-queries';

type Dialog = 'decline' | 'appointment' | 'progress' | 'resolve';

const can = {
  accept: ['routed'],
  decline: ['routed'],
  work: ['accepted', 'in_progress'],
} as const satisfies Record<string, readonly StationTicket['status'][]>;

/** What the station can do with the ticket in its current status: the service app checks it again. */
export function TicketActions({ ticket, onDeclined }: { ticket: StationTicket; onDeclined: () => void }) {
  const { t } = useTranslation('station');
  const { message } = App.useApp();
  const actions = useStationActions(ticket.ticketId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const allowed = (statuses: readonly string[]) => statuses.includes(ticket.status);
  const close = () => setDialog(null);
  const accept = () =>
    actions.accept.mutateAsync(undefined).then(
      () => message.success(t('actions.accepted')),
      (error: Error) => message.error(t('actions.failed', { message: error.message })),
    );

  return (
    <>
      <Space wrap>
        {allowed(can.accept) && (
          <Button type="primary" loading={actions.accept.isPending} onClick={() => void accept()}>
            {t('actions.accept')}
          </Button>
        )}
        {allowed(can.decline) && (
          <Button danger onClick={() => setDialog('decline')}>
            {t('actions.decline')}
          </Button>
        )}
        {allowed(can.work) && (
          <>
            <Button onClick={() => setDialog('appointment')}>{t('actions.appointment')}</Button>
            <Button onClick={() => setDialog('progress')}>{t('actions.progress')}</Button>
            <Button type="primary" onClick={() => setDialog('resolve')}>
              {t('actions.resolve')}
            </Button>
          </>
        )}
      </Space>
      <StepDialog<{ reason: string }>
        title={t('actions.declineTitle')}
        open={dialog === 'decline'}
        pending={actions.decline.isPending}
        done={t('actions.declined')}
        onSubmit={({ reason }) => actions.decline.mutateAsync(reason).then(onDeclined)}
        onClose={close}
      >
        <Form.Item
          label={t('actions.reason')}
          name="reason"
          rules={[{ required: true, message: t('actions.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} placeholder={t('actions.reasonHint')} />
        </Form.Item>
      </StepDialog>
      <StepDialog<{ at: Dayjs }>
        title={t('actions.appointmentTitle')}
        open={dialog === 'appointment'}
        pending={actions.appointment.isPending}
        done={t('actions.appointed')}
        onSubmit={({ at }) => actions.appointment.mutateAsync(at.toISOString())}
        onClose={close}
      >
        <Form.Item
          label={t('actions.appointmentAt')}
          name="at"
          rules={[{ required: true, message: t('actions.required') }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm', minuteStep: 15 }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </StepDialog>
      <StepDialog<{ note: string }>
        title={t('actions.progressTitle')}
        open={dialog === 'progress'}
        pending={actions.progress.isPending}
        done={t('actions.progressSaved')}
        onSubmit={({ note }) => actions.progress.mutateAsync(note)}
        onClose={close}
      >
        <Form.Item
          label={t('actions.note')}
          name="note"
          rules={[{ required: true, message: t('actions.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} placeholder={t('actions.noteHint')} />
        </Form.Item>
      </StepDialog>
      <StepDialog<RepairRecord>
        title={t('actions.resolveTitle')}
        open={dialog === 'resolve'}
        pending={actions.resolve.isPending}
        done={t('actions.resolved')}
        onSubmit={(record) => actions.resolve.mutateAsync(record)}
        onClose={close}
        initialValues={{ parts: [], cost: { amount: 0, currency: 'CNY' } }}
      >
        <ResolveFields />
      </StepDialog>
    </>
  );
}
