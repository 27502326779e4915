/**
 * The script the site embeds (served at GET /tracking/script.js). It sends nothing and stores nothing until the
 * site calls `crmTracking.consent(true)` (or sets `window.crmTrackingConsent = true` before loading it); then it
 * keeps a random visitor id in first-party localStorage, reports each page view with its sequence, and its time on
 * page when the page is hidden or left (sendBeacon). `consent(false)` removes the id and asks the server to forget
 * the visitor's anonymous views. Pages say what they are about with `<meta name="crm:category">` and
 * `<meta name="crm:model">`; a campaign link's `crm_ct` parameter tells who the visitor is.
 */
export const TRACKING_SCRIPT = `(function () {
  'use strict';
  var script = document.currentScript;
  // A browser driven by automation (navigator.webdriver) is not a person browsing.
  if (!script || !window.localStorage || window.crmTracking || navigator.webdriver) return;
  var endpoint = new URL('events', script.src).href;
  var ID = 'crm_vid', SEQ = 'crm_seq', store = window.localStorage;
  var consented = false, view = null;
  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16)), h = [];
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    for (var i = 0; i < 16; i++) h.push((b[i] + 256).toString(16).slice(1));
    return h.slice(0, 4).join('') + '-' + h.slice(4, 6).join('') + '-' + h.slice(6, 8).join('') + '-' +
      h.slice(8, 10).join('') + '-' + h.slice(10).join('');
  }
  function meta(name) {
    var m = document.querySelector('meta[name="' + name + '"]');
    return m && m.content ? m.content : undefined;
  }
  function send(body, beacon) {
    var text = JSON.stringify(body);
    if (beacon && navigator.sendBeacon && navigator.sendBeacon(endpoint, new Blob([text], { type: 'text/plain' }))) return;
    fetch(endpoint, { method: 'POST', body: text, keepalive: true, credentials: 'omit',
      headers: { 'Content-Type': 'text/plain' } }).catch(function () {});
  }
  function visitorId() {
    var id = store.getItem(ID);
    if (!id) { id = uuid(); store.setItem(ID, id); }
    return id;
  }
  function campaignToken() {
    try { return new URL(location.href).searchParams.get('crm_ct') || undefined; } catch (e) { return undefined; }
  }
  function pageView() {
    var seq = (Number(store.getItem(SEQ)) || 0) + 1;
    store.setItem(SEQ, String(seq));
    view = { id: uuid(), seq: seq, shown: document.hidden ? 0 : Date.now(), dwell: 0 };
    send({ type: 'view', consent: true, visitorId: visitorId(), viewId: view.id, seq: seq, path: location.pathname,
      category: meta('crm:category'), model: meta('crm:model'), campaignToken: campaignToken() });
  }
  function reportDwell() {
    if (!consented || !view) return;
    if (view.shown) { view.dwell += Date.now() - view.shown; view.shown = 0; }
    send({ type: 'leave', consent: true, visitorId: visitorId(), viewId: view.id, seq: view.seq,
      dwellMs: Math.min(Math.round(view.dwell), 86400000) }, true);
  }
  document.addEventListener('visibilitychange', function () {
    if (document.hidden) reportDwell(); else if (view) view.shown = Date.now();
  });
  window.addEventListener('pagehide', reportDwell);
  window.crmTracking = {
    consent: function (granted) {
      if (granted === true) {
        if (!consented) { consented = true; pageView(); }
        return;
      }
      var id = store.getItem(ID);
      consented = false; view = null;
      store.removeItem(ID); store.removeItem(SEQ);
      if (id) send({ type: 'forget', visitorId: id });
    },
    page: function () { if (consented) { reportDwell(); pageView(); } }
  };
  if (window.crmTrackingConsent === true) window.crmTracking.consent(true);
})();
`;
