import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Clock, ConflictError, NotFoundError } from '@crm/core';
import { SERVICE_SETTINGS, ServiceSettings } from '../service-settings';
import { TicketTransaction } from '../tickets/ticket-transaction';
import { SatisfactionService } from './satisfaction.service';
import { OpenSurvey, SurveyTokenRepository } from './survey-token.repository';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The public survey link sent to the customer after resolution: random, stored hashed, answered once. */
@Injectable()
export class SurveyService {
  constructor(
    private readonly tokens: SurveyTokenRepository,
    private readonly transaction: TicketTransaction,
    private readonly satisfaction: SatisfactionService,
    private readonly clock: Clock,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {}

  async issue(ticket: { ticketId: string; status: string }): Promise<{ token: string; url: string }> {
    if (!['resolved', 'closed'].includes(ticket.status)) {
      throw new ConflictError('A survey is sent only once the ticket is resolved');
    }
    const token = randomBytes(24).toString('base64url');
    await this.tokens.insert(hash(token), ticket.ticketId, this.clock.now());
    return { token, url: `${this.settings.surveyBaseUrl}${token}` };
  }

  /** What the customer sees before answering; a used or unknown link is not found. */
  async open(token: string): Promise<OpenSurvey> {
    const survey = await this.tokens.findOpen(hash(token));
    if (!survey) throw new NotFoundError('survey', 'link');
    return survey;
  }

  async answer(token: string, score: number, comment: string | null): Promise<{ thanks: true }> {
    const { ticketId } = await this.open(token);
    return this.transaction.run(ticketId, async (tx, ticket) => {
      if (!(await this.tokens.use(tx, hash(token), this.clock.now())))
        throw new NotFoundError('survey', 'link');
      await this.satisfaction.recordWithin(tx, ticket, { score, comment, via: 'survey' });
      return { thanks: true as const };
    });
  }
}
