import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { TicketQueryService } from '../tickets/ticket-query.service';
import { SatisfactionDto } from './dto/satisfaction.dto';
import { SatisfactionService } from './satisfaction.service';
import { SurveyService } from './survey.service';
import { TicketResponse } from '../tickets/dto/ticket.response';
import { SurveyLinkResponse } from './dto/survey.response';

@ApiTags('satisfaction')
@ApiBearerAuth()
@Controller('tickets')
@Roles(R.agent, R.serviceManager)
export class SatisfactionController {
  constructor(
    private readonly satisfaction: SatisfactionService,
    private readonly surveys: SurveyService,
    private readonly queries: TicketQueryService,
  ) {}

  @Post(':id/satisfaction')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the customer’s 1-5 score and comment, asked on a follow-up call' })
  @ApiOkResponse({ type: TicketResponse })
  @ApiConflictResponse({ description: 'The ticket is not resolved yet, or its score is already recorded' })
  record(@Param('id', UuidPipe) id: string, @Body() body: SatisfactionDto) {
    return this.satisfaction.record(id, { ...body, via: 'agent' });
  }

  @Post(':id/survey-link')
  @ApiOperation({ summary: 'A single-use survey link for the customer (shown once; only its hash is kept)' })
  @ApiCreatedResponse({ type: SurveyLinkResponse })
  async surveyLink(@Param('id', UuidPipe) id: string) {
    return this.surveys.issue(await this.queries.get(id));
  }
}
