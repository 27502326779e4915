import {
  callerAuthorization,
  clearedSessionCookie,
  isSafeMethod,
  readSessionCookie,
  SESSION_COOKIE,
  sessionCookie,
} from './session-cookie';

describe('session cookie', () => {
  it('reads the session among other cookies', () => {
    expect(readSessionCookie(`theme=dark; ${SESSION_COOKIE}=abc.def; lang=zh`)).toBe('abc.def');
    expect(readSessionCookie(`x${SESSION_COOKIE}=abc`)).toBeUndefined();
    expect(readSessionCookie(`${SESSION_COOKIE}=`)).toBeUndefined();
    expect(readSessionCookie(undefined)).toBeUndefined();
  });

  it('forwards the bearer header, else the session cookie as a bearer token', () => {
    expect(callerAuthorization({ authorization: 'Bearer a', cookie: `${SESSION_COOKIE}=b` })).toBe(
      'Bearer a',
    );
    expect(callerAuthorization({ cookie: `lang=zh; ${SESSION_COOKIE}=b` })).toBe('Bearer b');
    expect(callerAuthorization({ cookie: 'lang=zh' })).toBeUndefined();
  });

  it('marks the cookie Secure only over https', () => {
    expect(sessionCookie('t', 60, true)).toBe(
      `${SESSION_COOKIE}=t; Path=/; Max-Age=60; HttpOnly; SameSite=Strict; Secure`,
    );
    expect(sessionCookie('t', 60, false)).not.toContain('Secure');
    expect(clearedSessionCookie(true)).toContain('Max-Age=0');
  });

  it('treats only GET, HEAD and OPTIONS as safe', () => {
    expect(['GET', 'head', 'OPTIONS'].map(isSafeMethod)).toEqual([true, true, true]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE'].map(isSafeMethod)).toEqual([false, false, false, false]);
  });
});
