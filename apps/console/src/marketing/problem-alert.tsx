import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/clients';

/** A failed call, with the fields the service named (400). */
export function ProblemAlert({ error }: { error: Error | null }) {
  const { t } = useTranslation('marketing');
  if (!error) return null;
  const fields = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('common.error', { message: error.message })}
      description={
        fields.length > 0 ? fields.map((field) => `${field.field}: ${field.message}`).join('; ') : undefined
      }
    />
  );
}
