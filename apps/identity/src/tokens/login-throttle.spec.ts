import { FixedClock, TooManyRequestsError } from '@crm/core';
import { MemoryCacheStore } from '@crm/observability';
import { IdentitySettings } from '../identity.config';
import { LoginAttempt, LoginThrottle } from './login-throttle';

const settings: IdentitySettings = {
  issuer: 'crm-identity',
  audience: 'crm-api',
  tokenTtlSeconds: 3600,
  dataDir: './data',
  loginThrottle: { windowSeconds: 900, maxFailuresPerAccount: 3, maxFailuresPerAddress: 5 },
};

describe(LoginThrottle.name, () => {
  let clock: FixedClock;
  let throttle: LoginThrottle;
  const wrong = () => Promise.resolve(null);
  const right = () => Promise.resolve('subject');
  const user = (account: string, address = '10.0.0.1'): LoginAttempt => ({ kind: 'user', account, address });

  beforeEach(() => {
    // 100 seconds into a 15-minute window.
    clock = new FixedClock(new Date('2025-03-01T08:01:40Z'));
    throttle = new LoginThrottle(new MemoryCacheStore(), clock, settings);
  });

  async function fail(attempt: LoginAttempt, times: number): Promise<void> {
    for (let i = 0; i < times; i++) await throttle.attempt(attempt, wrong);
  }

  it('refuses even the right password once an account is over its limit, with the seconds left', async () => {
    await fail(user('li.wei'), 3);
    const authenticate = jest.fn(right);
    const refused = await throttle.attempt(user('li.wei'), authenticate).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyRequestsError);
    expect((refused as TooManyRequestsError).extensions).toEqual({ retryAfterSeconds: 800 });
    expect(authenticate).not.toHaveBeenCalled();
  });

  it('counts a user name case-insensitively', async () => {
    await fail(user('Li.Wei'), 3);
    await expect(throttle.attempt(user('li.wei'), right)).rejects.toThrow(TooManyRequestsError);
  });

  it('clears the account’s own counter on success', async () => {
    await fail(user('li.wei'), 2);
    await expect(throttle.attempt(user('li.wei'), right)).resolves.toBe('subject');
    await fail(user('li.wei'), 3);
    await expect(throttle.attempt(user('li.wei'), right)).rejects.toThrow(TooManyRequestsError);
  });

  it('keeps users and clients of the same name apart', async () => {
    await fail(user('dms'), 3);
    await expect(
      throttle.attempt({ kind: 'client', account: 'dms', address: '10.0.0.2' }, right),
    ).resolves.toBe('subject');
  });

  it('refuses every account from an address over its limit, but counts no successes there', async () => {
    for (let i = 0; i < 20; i++) await throttle.attempt(user(`agent${i}`), right);
    await fail(user('a'), 3);
    await fail(user('b'), 2);
    await expect(throttle.attempt(user('c'), right)).rejects.toThrow(TooManyRequestsError);
    await expect(throttle.attempt(user('c', '10.0.0.9'), right)).resolves.toBe('subject');
  });

  it('lets the account try again when the window ends', async () => {
    await fail(user('li.wei'), 3);
    clock.advance(800_000);
    await expect(throttle.attempt(user('li.wei'), right)).resolves.toBe('subject');
  });

  it('lets no more guesses through from one address than its limit, however many arrive at once', async () => {
    let checked = 0;
    const slowWrong = async () => {
      checked++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return null;
    };
    await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => throttle.attempt(user(`guess${i}`), slowWrong)),
    );
    expect(checked).toBe(5);
  });

  it('lets no more guesses through for one account than its limit, however many arrive at once', async () => {
    let checked = 0;
    const slowWrong = async () => {
      checked++;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return null;
    };
    await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => throttle.attempt(user('li.wei', `10.0.1.${i}`), slowWrong)),
    );
    expect(checked).toBe(3);
  });

  it('does not count attempts refused by the account limit against the address', async () => {
    await fail(user('li.wei'), 3);
    await throttle.attempt(user('li.wei'), right).catch(() => undefined);
    await throttle.attempt(user('li.wei'), right).catch(() => undefined);
    await fail(user('other'), 1);
    await expect(throttle.attempt(user('c'), right)).resolves.toBe('subject');
  });

  it('lets an operator clear a locked-out account', async () => {
    await fail(user('admin'), 3);
    await throttle.clear({ kind: 'user', account: 'Admin' });
    await expect(throttle.attempt(user('admin'), right)).resolves.toBe('subject');
  });

  it('lets an operator clear a locked-out address', async () => {
    await fail(user('a'), 3);
    await fail(user('b'), 2);
    await throttle.clear({ kind: 'user', account: 'c' }, '10.0.0.1');
    await expect(throttle.attempt(user('c'), right)).resolves.toBe('subject');
  });
});
