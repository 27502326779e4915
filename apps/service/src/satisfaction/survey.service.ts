import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, NotFoundError } from '@crm/core';
import { TicketTransaction } from '../tickets/ticket-transaction';
import { SatisfactionService } from './satisfaction.service';
import { hashSurveyToken, SurveyLinkIssuer } from './survey-link.issuer';
import { OpenSurvey, SurveyTokenRepository } from './survey-token.repository';

/** The public survey link sent to the customer after resolution: random, stored hashed, answered once. */
@Injectable()
export class SurveyService {
  constructor(
    private readonly tokens: SurveyTokenRepository,
    private readonly links: SurveyLinkIssuer,
    private readonly transaction: TicketTransaction,
    private readonly satisfaction: SatisfactionService,
    private readonly clock: Clock,
  ) {}

  async issue(ticket: { ticketId: string; status: string }): Promise<{ token: string; url: string }> {
    if (!['resolved', 'closed'].includes(ticket.status)) {
      throw new ConflictError('A survey is sent only once the ticket is resolved');
    }
    return this.links.issue(ticket.ticketId);
  }

  /** What the customer sees before answering; a used or unknown link is not found. */
  async open(token: string): Promise<OpenSurvey> {
    const survey = await this.tokens.findOpen(hashSurveyToken(token));
    if (!survey) throw new NotFoundError('survey', 'link');
    return survey;
  }

  async answer(token: string, score: number, comment: string | null): Promise<{ thanks: true }> {
    const { ticketId } = await this.open(token);
    return this.transaction.run(ticketId, async (tx, ticket) => {
      if (!(await this.tokens.use(tx, hashSurveyToken(token), this.clock.now())))
        throw new NotFoundError('survey', 'link');
      await this.satisfaction.recordWithin(tx, ticket, { score, comment, via: 'survey' });
      return { thanks: true as const };
    });
  }
}
