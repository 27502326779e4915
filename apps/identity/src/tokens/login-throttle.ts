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
    // Users sign in case-insensitively, so 'Li.Wei' and 'li.wei' share one counter.
    const id = login.kind === 'user' ? login.account.toLowerCase() : login.account;
    const accountKey = LoginThrottleKeys.account(login.kind, window.number, id);
    const addressKey = login.address && LoginThrottleKeys.address(window.number, login.address);

    if (addressKey && ((await this.cache.get<number>(addressKey)) ?? 0) >= maxFailuresPerAddress)
      throw this.tooMany(window.secondsLeft);
    // Counted before the secret is checked, so parallel guesses cannot all slip under the limit;
    // a success clears the account's own counter and no one else's.
    if ((await this.cache.increment(accountKey, windowSeconds)) > maxFailuresPerAccount)
      throw this.tooMany(window.secondsLeft);

    const result = await authenticate();
    if (result) await this.cache.delete(accountKey);
    // Only failures count per address, so an office behind one address can sign in all day.
    else if (addressKey) await this.cache.increment(addressKey, windowSeconds);
    return result;
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
