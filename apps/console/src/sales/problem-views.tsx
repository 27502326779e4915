import { Alert, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/clients';

/** A read that failed: not found and forbidden said plainly (another rep's record is one of them). */
export function ReadFailure({ error }: { error: Error }) {
  const { t } = useTranslation('sales');
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 404 || status === 403)
    return (
      <Result
        status={status === 404 ? '404' : '403'}
        title={
          <h1 style={{ fontSize: 24 }}>{t(status === 404 ? 'problem.notFound' : 'problem.forbidden')}</h1>
        }
        subTitle={t('problem.notYours')}
        data-testid="read-failure"
        data-status={status}
      />
    );
  return <Alert type="error" showIcon title={error.message} />;
}

/** What the API answered to a refused change: its problem detail and the fields it names. */
export function RefusedChange({ error }: { error: Error | null }) {
  const { t } = useTranslation('sales');
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const fields = problem?.errors?.map((field) => `${field.field} ${field.message}`).join('; ');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="refused"
      title={problem?.title ?? t('problem.refused')}
      description={[problem?.detail ?? error.message, fields].filter(Boolean).join(' — ')}
    />
  );
}
