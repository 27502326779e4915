import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** Rotate, disable or enable one API client (partner or system): the same buttons and confirmations for both. */
export function ClientActions({
  client,
  onRotate,
  onSetActive,
}: {
  client: { clientId: string; active: boolean };
  onRotate: (clientId: string) => void;
  onSetActive: (clientId: string, active: boolean) => void;
}) {
  const { t } = useTranslation('admin');
  const { clientId, active } = client;
  return (
    <Space size="small">
      <Popconfirm title={t('clients.confirmRotate', { clientId })} onConfirm={() => onRotate(clientId)}>
        <Button size="small">{t('clients.rotate')}</Button>
      </Popconfirm>
      {active ? (
        <Popconfirm
          title={t('clients.confirmDisable', { clientId })}
          onConfirm={() => onSetActive(clientId, false)}
        >
          <Button size="small" danger>
            {t('clients.disable')}
          </Button>
        </Popconfirm>
      ) : (
        <Button size="small" onClick={() => onSetActive(clientId, true)}>
          {t('clients.enable')}
        </Button>
      )}
    </Space>
  );
}
