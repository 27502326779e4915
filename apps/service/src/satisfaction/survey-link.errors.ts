import { ConflictError, DomainError, NotFoundError } from '@crm/core';

/**
 * The survey page tells the customer which of these it is (ADR 0041): each has its own status, so its own
 * problem `type`, and `survey` names the case.
 */
export class SurveyLinkUnknownError extends NotFoundError {
  constructor() {
    super('survey', 'link');
    this.extensions.survey = 'unknown';
  }
}

export class SurveyLinkUsedError extends ConflictError {
  constructor(answeredAt: Date | null) {
    super('This survey was already answered', {
      survey: 'used',
      answeredAt: answeredAt?.toISOString() ?? null,
    });
  }
}

export class SurveyLinkExpiredError extends DomainError {
  readonly status = 410;
  readonly title = 'Gone';
  constructor(expiredAt: Date) {
    super('This survey link has expired');
    this.extensions.survey = 'expired';
    this.extensions.expiredAt = expiredAt.toISOString();
  }
}
