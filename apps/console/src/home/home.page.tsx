import { Result, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Principal } from '../api/session';

/** For roles whose screens are not built yet: say so, and point at the API docs. */
export function HomePage({ principal }: { principal: Principal }) {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={
        <h1 style={{ fontSize: 24, margin: 0 }}>
          {t('home.welcome', { name: principal.name ?? principal.subject })}
        </h1>
      }
      subTitle={t('home.noScreens', { roles: principal.roles.join(', ') })}
      extra={
        <Button type="primary" href="/docs">
          {t('home.apiDocs')}
        </Button>
      }
    />
  );
}
