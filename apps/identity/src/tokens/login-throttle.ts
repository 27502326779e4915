import { Inject, Injectable } from '@nestjs/common';
import { Clock, TooManyRequestsError } from '@crm/core';
import { CacheStore } from '@crm/observability';
import { IDENTITY_SETTINGS, IdentitySettings } from '../identity.config';
import { LoginAccountKind, LoginThrottleKeys } from './login-throttle.constants';

export interface LoginAttempt {
  kind: LoginAccountKind;
  /** The user name or client id as sent, whether or not such an account exists. */
  account: string;
  /** The caller's IP address; unknown when the connection is already gone. */
  address: string | undefined;
}

/**
 * Slows password guessing at the token endpoint. A locked-out caller is refused before the
 * secret is checked, so it learns nothing more about the secret until the window ends.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly cache: CacheStore,
    private readonly clock: Clock,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  async attempt<T>(login: LoginAttempt, authenticate: () => Promise<T | null>): Promise<T | null> {
    const { windowSeconds, maxFailuresPerAccount, maxFailuresPerAddress } = this.settings.loginThrottle;
    const window = this.currentWindow();
    const accountKey = LoginThrottleKeys.account(login.kind, window.number, accountId(login));
    const address = login.address && {
      attempts: LoginThrottleKeys.address(window.number, login.address),
      released: LoginThrottleKeys.addressReleased(window.number, login.address),
    };
    // Both limits count before the secret is checked, each with one atomic increment, so parallel
    // guesses cannot all slip under a limit. An address's attempts are given back unless they fail,
    // so an office behind one address can sign in all day.
    const release = () => address && this.cache.increment(address.released, windowSeconds);
    if (address) {
      const attempts = await this.cache.increment(address.attempts, windowSeconds);
      const released = (await this.cache.get<number>(address.released)) ?? 0;
      if (attempts - released > maxFailuresPerAddress) {
        await release();
        throw this.tooMany(window.secondsLeft);
      }
    }
    if ((await this.cache.increment(accountKey, windowSeconds)) > maxFailuresPerAccount) {
      await release();
      throw this.tooMany(window.secondsLeft);
    }

    const result = await authenticate();
    // A success clears the account's own counter and no one else's.
    if (result) await Promise.all([this.cache.delete(accountKey), release()]);
    return result;
  }

  /** An operator's way out of a lockout: forgets an account's (and optionally an address's) failures. */
  async clear(account: Omit<LoginAttempt, 'address'>, address?: string): Promise<void> {
    const { number } = this.currentWindow();
    // The previous window too, in case the clock turned over while the operator typed.
    const windows = [number, number - 1];
    const keys = windows.flatMap((window) => [
      LoginThrottleKeys.account(account.kind, window, accountId(account)),
      ...(address
        ? [LoginThrottleKeys.address(window, address), LoginThrottleKeys.addressReleased(window, address)]
        : []),
    ]);
    await this.cache.delete(...keys);
  }

  private currentWindow(): { number: number; secondsLeft: number } {
    const windowMs = this.settings.loginThrottle.windowSeconds * 1000;
    const now = this.clock.now().getTime();
    const number = Math.floor(now / windowMs);
    return { number, secondsLeft: Math.max(1, Math.ceil(((number + 1) * windowMs - now) / 1000)) };
  }

  private tooMany(retryAfterSeconds: number): TooManyRequestsError {
    return new TooManyRequestsError('Too many failed sign-in attempts; try again later', retryAfterSeconds);
  }
}

/** Users sign in case-insensitively, so 'Li.Wei' and 'li.wei' share one counter. */
function accountId(login: Omit<LoginAttempt, 'address'>): string {
  return login.kind === 'user' ? login.account.toLowerCase() : login.account;
}
