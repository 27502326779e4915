import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '@crm/core';
import { SERVICE_SETTINGS, ServiceSettings } from '../service-settings';
import { SurveyTokenRepository } from './survey-token.repository';

export const hashSurveyToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Makes a single-use survey link: a random token, of which only the hash is kept. */
@Injectable()
export class SurveyLinkIssuer {
  constructor(
    private readonly tokens: SurveyTokenRepository,
    private readonly clock: Clock,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {}

  /** In the caller's transaction when given, so a link exists only if what asked for it (a resolution) commits. */
  async issue(ticketId: string, tx?: EntityManager): Promise<{ token: string; url: string }> {
    const token = randomBytes(24).toString('base64url');
    await this.tokens.insert(hashSurveyToken(token), ticketId, this.clock.now(), tx);
    return { token, url: `${this.settings.surveyBaseUrl}${token}` };
  }
}
