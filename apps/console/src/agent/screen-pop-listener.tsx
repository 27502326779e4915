import { App } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ScreenPop } from './agent-queries';

/**
 * The agent's event stream (GET /agents/me/events, authenticated by the session cookie, which
 * EventSource sends): an incoming call opens the caller's 360 by itself.
 */
export function ScreenPopListener() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { notification } = App.useApp();
  useEffect(() => {
    const stream = new EventSource('/agents/me/events');
    stream.addEventListener('ready', () => document.body.setAttribute('data-screen-pop', 'connected'));
    stream.addEventListener('error', () => document.body.setAttribute('data-screen-pop', 'reconnecting'));
    stream.addEventListener('screen-pop', (event) => {
      const pop = JSON.parse((event as MessageEvent<string>).data) as ScreenPop;
      const number = pop.callerNumber;
      if (pop.match.kind === 'customer' && pop.match.customer) {
        navigate(`/agent/customers/${pop.match.customer.customerId}?call=${encodeURIComponent(pop.callId)}`);
        notification.info({ title: t('customer.screenPop', { number }), placement: 'bottomRight' });
      } else if (pop.match.kind === 'candidates') {
        navigate(`/agent?q=${encodeURIComponent(number)}`);
        notification.info({
          title: t('screenPop.candidates', { number, count: pop.match.candidates?.length ?? 0 }),
          placement: 'bottomRight',
        });
      } else notification.warning({ title: t('screenPop.unknown', { number }), placement: 'bottomRight' });
    });
    return () => stream.close();
  }, [navigate, notification, t]);
  return null;
}
