import { Alert, Button, Card, Form, Input, Layout, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../api/clients';
import { useSessionActions } from '../api/session';
import { changeLanguage, type Language } from '../i18n/i18n';
import { homeOf } from '../layout/navigation';

interface SignInForm {
  username: string;
  password: string;
}

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { signIn } = useSessionActions();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ username, password }: SignInForm) => {
    setBusy(true);
    setError(null);
    try {
      navigate(homeOf(await signIn(username, password)), { replace: true });
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 429 ? t('signIn.locked') : t('signIn.failed'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout
      style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', background: '#eef2f8' }}
    >
      <main>
        <Card style={{ width: 380 }}>
          <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Segmented<Language>
              aria-label={t('app.language')}
              size="small"
              value={i18n.language === 'en' ? 'en' : 'zh-CN'}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'English', value: 'en' },
              ]}
              onChange={changeLanguage}
            />
          </div>
          <Typography.Title level={1} style={{ fontSize: 22, marginTop: 8 }}>
            {t('signIn.title')}
          </Typography.Title>
          {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />}
          <Form<SignInForm> layout="vertical" onFinish={submit} requiredMark={false}>
            <Form.Item
              label={t('signIn.username')}
              name="username"
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              label={t('signIn.password')}
              name="password"
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </Layout>
  );
}
