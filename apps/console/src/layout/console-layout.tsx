import { LogoutOutlined } from '@ant-design/icons';
import { App, Button, Layout, Menu, Segmented, Space, Spin, Typography } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { Principal } from '../api/session';
import { useSessionActions } from '../api/session';
import { ScreenPopListener } from '../agent/screen-pop-listener';
import { changeLanguage, type Language } from '../i18n/i18n';
import { navigationFor } from './navigation';

const { Header, Sider, Content } = Layout;

/** The frame of every signed-in screen: the role's side menu, the language switch, sign-out. */
export function ConsoleLayout({ principal }: { principal: Principal }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { signOut } = useSessionActions();
  const { notification } = App.useApp();
  const items = navigationFor(principal);
  const selected = items.find((item) => location.pathname.startsWith(item.path))?.path;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider breakpoint="lg" collapsedWidth={0} theme="light" width={200}>
        <div style={{ padding: '16px 20px', fontWeight: 600, fontSize: 16 }}>{t('app.title')}</div>
        <nav aria-label={t('app.title')}>
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            items={items.map((item) => ({ key: item.path, icon: item.icon, label: t(item.label) }))}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            gap: 16,
          }}
        >
          <Space>
            <Segmented<Language>
              aria-label={t('app.language')}
              value={i18n.language === 'en' ? 'en' : 'zh-CN'}
              options={[
                { label: '中文', value: 'zh-CN' },
                { label: 'English', value: 'en' },
              ]}
              onChange={changeLanguage}
            />
            <Typography.Text data-testid="principal-name">
              {principal.name ?? principal.subject}
            </Typography.Text>
            <Button
              icon={<LogoutOutlined />}
              onClick={() => {
                // A caller's number must not stay on screen for whoever signs in next.
                notification.destroy();
                void signOut().then(() => navigate('/sign-in'));
              }}
            >
              {t('app.signOut')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <main>
            <Suspense fallback={<Spin />}>
              <Outlet />
            </Suspense>
          </main>
        </Content>
      </Layout>
      {principal.roles.includes('agent') && <ScreenPopListener />}
    </Layout>
  );
}
