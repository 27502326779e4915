import { App } from 'antd';
import { useEffect, useEffectEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ScreenPop } from './agent-queries';

/**
 * The agent's event stream (GET /agents/me/events, authenticated by the session cookie, which
 * EventSource sends): an incoming call opens the caller's 360 by itself. One stream for the whole
 * session: the pop's navigation must not reopen it (`navigate` changes with every path), or a call
 * in the gap is lost; after a dropped connection EventSource reconnects with Last-Event-ID and the
 * call center sends the pops missed meanwhile.
 */
export function ScreenPopListener() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const show = useEffectEvent((pop: ScreenPop) => {
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
  useEffect(() => {
    const stream = new EventSource('/agents/me/events');
    stream.addEventListener('ready', () => document.body.setAttribute('data-screen-pop', 'connected'));
    stream.addEventListener('error', () => document.body.setAttribute('data-screen-pop', 'reconnecting'));
    stream.addEventListener('screen-pop', (event) =>
      show(JSON.parse((event as MessageEvent<string>).data) as ScreenPop),
    );
    return () => stream.close();
  }, []);
  return null;
}
