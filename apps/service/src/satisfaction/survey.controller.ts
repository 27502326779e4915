import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@crm/auth';
import { SatisfactionDto } from './dto/satisfaction.dto';
import { SurveyService } from './survey.service';
import { OpenSurveyResponse, SurveyThanksResponse } from './dto/survey.response';

const UNKNOWN = 'No such survey link (problem `survey`: `unknown`)';
const USED = 'The survey was already answered (problem `survey`: `used`)';
const EXPIRED = 'The link has expired (problem `survey`: `expired`, with `expiredAt`)';

/** Public: the customer follows the link without an account; the unguessable token is the credential. */
@ApiTags('survey')
@Controller('survey')
@Public()
export class SurveyController {
  constructor(private readonly surveys: SurveyService) {}

  @Get(':token')
  @ApiOperation({ summary: 'The ticket the survey link asks about' })
  @ApiOkResponse({ type: OpenSurveyResponse })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiConflictResponse({ description: USED })
  @ApiGoneResponse({ description: EXPIRED })
  open(@Param('token') token: string) {
    return this.surveys.open(token);
  }

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({ summary: 'Answer the survey (once)' })
  @ApiOkResponse({ type: SurveyThanksResponse })
  @ApiNotFoundResponse({ description: UNKNOWN })
  @ApiConflictResponse({ description: USED })
  @ApiGoneResponse({ description: EXPIRED })
  answer(@Param('token') token: string, @Body() body: SatisfactionDto) {
    return this.surveys.answer(token, body.score, body.comment ?? null);
  }
}
