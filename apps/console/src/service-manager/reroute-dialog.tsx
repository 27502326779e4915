import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/clients';
import { type TicketDetails, useReroute, useStationMap } from './service-manager-queries';

interface RerouteValues {
  stationId: string;
  reason: string;
}

/** Choose another station and say why; confirm, since the old station loses the ticket at once. */
export function RerouteDialog({
  ticket,
  stationName,
  onClose,
}: {
  ticket: TicketDetails;
  stationName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('serviceManager');
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<RerouteValues>();
  const stations = useStationMap();
  const reroute = useReroute(ticket.ticketId);
  const choices = (stations.data?.items ?? []).filter(
    (station) => station.active && station.stationId !== ticket.stationId,
  );

  const submit = (values: RerouteValues) => {
    const to = choices.find((station) => station.stationId === values.stationId)?.name ?? '';
    modal.confirm({
      title: t('reroute.title', { number: ticket.ticketNumber }),
      content: t('reroute.confirm', { from: stationName, to }),
      okText: t('reroute.submit'),
      cancelText: t('translation:common.cancel'),
      onOk: async () => {
        try {
          await reroute.mutateAsync(values);
          void message.success(t('reroute.done', { station: to }));
          onClose();
        } catch (error) {
          void message.error(error instanceof ApiError ? error.message : String(error));
        }
      },
    });
  };

  return (
    <Modal
      open
      title={t('reroute.title', { number: ticket.ticketNumber })}
      okText={t('reroute.submit')}
      cancelText={t('translation:common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={reroute.isPending}
    >
      <Form<RerouteValues> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="stationId"
          label={t('reroute.station')}
          rules={[{ required: true, message: t('translation:common.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={stations.isPending}
            options={choices.map((station) => ({
              value: station.stationId,
              label: t('reroute.stationOption', {
                name: station.name,
                code: station.code,
                taken: station.slotsTaken,
                capacity: station.capacity,
              }),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('reroute.reason')}
          rules={[{ required: true, whitespace: true, message: t('translation:common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
