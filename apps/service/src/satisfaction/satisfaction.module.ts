import { Module } from '@nestjs/common';
import { ServiceMessaging } from '../service-messaging';
import { TicketsModule } from '../tickets/tickets.module';
import { SatisfactionController } from './satisfaction.controller';
import { SatisfactionService } from './satisfaction.service';
import { SurveyLinkIssuer } from './survey-link.issuer';
import { SurveyTokenRepository } from './survey-token.repository';
import { SurveyController } from './survey.controller';
import { SurveyService } from './survey.service';

/** The customer's rating of a resolved ticket, given to the agent or through a survey link. */
@Module({
  imports: [ServiceMessaging, TicketsModule],
  controllers: [SatisfactionController, SurveyController],
  providers: [SatisfactionService, SurveyTokenRepository, SurveyLinkIssuer, SurveyService],
  exports: [SurveyLinkIssuer, SatisfactionService],
})
export class SatisfactionModule {}
