import { isOptOutReply } from './opt-out-reply';

describe(isOptOutReply.name, () => {
  it.each(['TD', 'td', 'T', ' t ', '退订', '退订。', 'STOP', 'Stop!'])('takes %p as an opt-out', (text) => {
    expect(isOptOutReply(text)).toBe(true);
  });

  it.each(['', 'OK', 'TDD', '不要退订', 'stop sending me offers', '好的，谢谢'])(
    'takes %p as an ordinary reply',
    (text) => {
      expect(isOptOutReply(text)).toBe(false);
    },
  );
});
