/** What a person who opens the link in the mail's body sees: a button, since a GET must not unsubscribe (RFC 8058). */
export const UNSUBSCRIBE_CONFIRM_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>退订 / Unsubscribe</title></head>
<body><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">
<p>不再接收此类营销邮件？ / Stop receiving these marketing emails?</p>
<button type="submit">退订 / Unsubscribe</button></form></body></html>
`;

export const UNSUBSCRIBED_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>已退订 / Unsubscribed</title></head>
<body><p>您已退订此类营销邮件。 / You will no longer receive these marketing emails.</p></body></html>
`;
