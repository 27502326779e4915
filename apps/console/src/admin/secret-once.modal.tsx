import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssuedSecret } from './admin-queries';

/**
 * A client secret just issued (created or rotated). The identity service answers it once and keeps only its
 * hash; this modal holds it in component state only, so closing it is the last anyone sees of it.
 */
export function SecretOnceModal({ issued, onClose }: { issued: IssuedSecret | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Modal
      open={issued !== null}
      title={t('secret.title')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose}>
          {t('secret.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon title={t('secret.once')} style={{ marginBottom: 16 }} />
      {issued && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('secret.clientId')}>
            <Typography.Text copyable>{issued.clientId}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('secret.secret')}>
            <Typography.Text code copyable data-testid="client-secret">
              {issued.clientSecret}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
}
