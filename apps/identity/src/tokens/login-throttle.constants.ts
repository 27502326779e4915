/** Fixed windows of failed sign-ins, counted per account (user name or client id) and per caller address. */
export interface LoginThrottleSettings {
  windowSeconds: number;
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = {
  windowSeconds: 900,
  maxFailuresPerAccount: 10,
  maxFailuresPerAddress: 50,
};

export type LoginAccountKind = 'user' | 'client';

/** The window number comes before the free-text part, so no user name can forge another key. */
export const LoginThrottleKeys = {
  account: (kind: LoginAccountKind, window: number, id: string) => `identity:login:${kind}:${window}:${id}`,
  /** Attempts from an address, counted before the secret is checked (a reservation)... */
  address: (window: number, address: string) => `identity:login:address:${window}:${address}`,
  /** ...and those given back: successes, and attempts refused without checking the secret. */
  addressReleased: (window: number, address: string) =>
    `identity:login:address-released:${window}:${address}`,
};
