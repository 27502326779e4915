import { Body, Controller, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Clock } from '@crm/core';
import { PageQuery } from '@crm/http';
import { CacheStore, enforceRateLimit, RateLimit } from '@crm/observability';
import { SEGMENT_ROLES } from '../campaigns.constants';
import { EvaluateSegmentRuleDto, SegmentRuleEvaluationView } from './dto/segment.dto';
import { SegmentService } from './segment.service';

/** A builder counting as its user edits (debounced) stays well under this; a loop calling it does not. */
const EVALUATION_RATE: RateLimit = {
  name: 'campaigns:segment-evaluation',
  perWindow: 60,
  windowSeconds: 60,
  message: 'Too many rule evaluations; wait a moment before counting again',
};

/** Evaluating a rule that is not saved: the segment builder's live count, with no draft segment stored. */
@ApiTags('segments')
@ApiBearerAuth()
@Controller('segments')
@Roles(...SEGMENT_ROLES)
export class SegmentEvaluationController {
  constructor(
    private readonly segments: SegmentService,
    private readonly cache: CacheStore,
    private readonly clock: Clock,
  ) {}

  @Post('evaluate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Count the customers a rule matches now, with a page of them, without saving anything',
    description:
      'The rule is validated as when saving a segment: a bad rule is 400 naming its path. ' +
      `At most ${EVALUATION_RATE.perWindow} evaluations a minute per user; more are 429 with Retry-After.`,
  })
  @ApiOkResponse({ type: SegmentRuleEvaluationView })
  @ApiTooManyRequestsResponse({ description: 'Over the per-user rate; retry after the Retry-After seconds' })
  async evaluate(
    @CurrentPrincipal() principal: Principal,
    @Body() body: EvaluateSegmentRuleDto,
    @Query() page: PageQuery,
  ): Promise<SegmentRuleEvaluationView> {
    await enforceRateLimit(this.cache, this.clock.now(), EVALUATION_RATE, principal.subject);
    const { count, items } = await this.segments.evaluate(body.rule, page.limit, page.offset);
    return { count, items, limit: page.limit, offset: page.offset };
  }
}
