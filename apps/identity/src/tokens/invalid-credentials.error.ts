import { DomainError } from '@crm/core';

/** One answer for an unknown account, a wrong secret and a disabled account, so none can be told apart. */
export class InvalidCredentialsError extends DomainError {
  readonly status = 401;
  readonly title = 'Unauthorized';
  constructor() {
    super('The credentials are not valid');
  }
}
