/** Typed domain errors; the HTTP layer maps each once to a problem+json response. */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly title: string;
  readonly extensions: Record<string, unknown> = {};
}

export interface FieldError {
  field: string;
  message: string;
}

export class InvalidInputError extends DomainError {
  readonly status = 400;
  readonly title = 'Invalid input';
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.extensions.errors = errors;
  }
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly title = 'Not found';
  constructor(resource: string, id: string) {
    super(`${resource} ${id} was not found`);
  }
}

export class ConflictError extends DomainError {
  readonly status = 409;
  readonly title = 'Conflict';
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    Object.assign(this.extensions, extensions);
  }
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly title = 'Forbidden';
}

/** A caller over a rate limit; the HTTP layer sends `retryAfterSeconds` as the Retry-After header too. */
export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  readonly title = 'Too Many Requests';
  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.extensions.retryAfterSeconds = retryAfterSeconds;
  }
}
