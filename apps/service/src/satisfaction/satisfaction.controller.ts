import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { TicketQueryService } from '../tickets/ticket-query.service';
import { SatisfactionDto } from './dto/satisfaction.dto';
import { SatisfactionService } from './satisfaction.service';
import { SurveyService } from './survey.service';

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
  record(@Param('id', UuidPipe) id: string, @Body() body: SatisfactionDto) {
    return this.satisfaction.record(id, { ...body, via: 'agent' });
  }

  @Post(':id/survey-link')
  @ApiOperation({ summary: 'A single-use survey link for the customer (shown once; only its hash is kept)' })
  async surveyLink(@Param('id', UuidPipe) id: string) {
    return this.surveys.issue(await this.queries.get(id));
  }
}
