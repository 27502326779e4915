import { App, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<T> {
  title: string;
  open: boolean;
  pending: boolean;
  /** Said once the step is done. */
  done: string;
  onSubmit: (values: T) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
  initialValues?: Partial<T>;
}

/** A dialog asking for what one step of the station's work needs, then taking the step. */
export function StepDialog<T extends object>(props: Props<T>) {
  const { t } = useTranslation('station');
  const { message } = App.useApp();
  const [form] = Form.useForm<T>();
  const submit = async (values: T) => {
    try {
      await props.onSubmit(values);
    } catch (error) {
      void message.error(t('actions.failed', { message: (error as Error).message }));
      return;
    }
    void message.success(props.done);
    form.resetFields();
    props.onClose();
  };
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('actions.submit')}
      cancelText={t('actions.cancel')}
      confirmLoading={props.pending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      forceRender
      width={640}
    >
      <Form<T> form={form} layout="vertical" onFinish={submit} initialValues={props.initialValues}>
        {props.children}
      </Form>
    </Modal>
  );
}
