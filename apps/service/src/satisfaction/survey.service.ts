import { Inject, Injectable } from '@nestjs/common';
import { CUSTOMER_ACTOR } from '@crm/contracts';
import { Clock, ConflictError, RequestContext } from '@crm/core';
import { SERVICE_SETTINGS, ServiceSettings } from '../service-settings';
import { TicketTransaction } from '../tickets/ticket-transaction';
import { SatisfactionService } from './satisfaction.service';
import { SurveyLinkExpiredError, SurveyLinkUnknownError, SurveyLinkUsedError } from './survey-link.errors';
import { hashSurveyToken, SurveyLinkIssuer } from './survey-link.issuer';
import { SurveyTokenRepository } from './survey-token.repository';

const DAY_MS = 86_400_000;

export interface OpenSurvey {
  ticketId: string;
  ticketNumber: string;
  qualityType: string;
  brand: string | null;
  resolvedAt: string | null;
  stationName: string | null;
  expiresAt: string;
}

/** The public survey link sent to the customer after resolution: random, stored hashed, answered once, expiring. */
@Injectable()
export class SurveyService {
  constructor(
    private readonly tokens: SurveyTokenRepository,
    private readonly links: SurveyLinkIssuer,
    private readonly transaction: TicketTransaction,
    private readonly satisfaction: SatisfactionService,
    private readonly clock: Clock,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {}

  async issue(ticket: { ticketId: string; status: string }): Promise<{ token: string; url: string }> {
    if (!['resolved', 'closed'].includes(ticket.status)) {
      throw new ConflictError('A survey is sent only once the ticket is resolved');
    }
    return this.links.issue(ticket.ticketId);
  }

  /** What the customer sees before answering; unknown (404), already answered (409) and expired (410) differ. */
  async open(token: string): Promise<OpenSurvey> {
    const link = await this.tokens.find(hashSurveyToken(token));
    if (!link) throw new SurveyLinkUnknownError();
    if (link.usedAt) throw new SurveyLinkUsedError(link.usedAt);
    const expiresAt = new Date(link.sentAt.getTime() + this.settings.surveyLinkTtlDays * DAY_MS);
    if (expiresAt.getTime() <= this.clock.now().getTime()) throw new SurveyLinkExpiredError(expiresAt);
    return {
      ticketId: link.ticketId,
      ticketNumber: link.ticketNumber,
      qualityType: link.qualityType,
      brand: link.brand,
      resolvedAt: link.resolvedAt?.toISOString() ?? null,
      stationName: link.stationName,
      expiresAt: expiresAt.toISOString(),
    };
  }

  async answer(token: string, score: number, comment: string | null): Promise<{ thanks: true }> {
    const { ticketId } = await this.open(token);
    RequestContext.setActor(CUSTOMER_ACTOR);
    return this.transaction.run(ticketId, async (tx, ticket) => {
      if (!(await this.tokens.use(tx, hashSurveyToken(token), this.clock.now())))
        throw new SurveyLinkUsedError(null);
      await this.satisfaction.recordWithin(tx, ticket, { score, comment, via: 'survey' });
      return { thanks: true as const };
    });
  }
}
