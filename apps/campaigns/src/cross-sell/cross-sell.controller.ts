import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { PageQuery, UuidPipe } from '@crm/http';
import { CAMPAIGN_ROLES } from '../campaigns.constants';
import { CrossSellRecompute, CrossSellRecomputeResult } from './cross-sell-recompute';
import { CrossSellRuleRepository } from './cross-sell-rule.repository';
import { AssociationRulePage, CrossSellRecomputeView, NextBestOfferView } from './dto/cross-sell.dto';
import { NextBestOfferService } from './next-best-offer.service';
import { StoredOffer } from './next-best-offer.repository';

/** Marketers and managers; partners get 403 (ADR 0034). */
@ApiTags('cross-sell')
@ApiBearerAuth()
@Controller('cross-sell')
@Roles(...CAMPAIGN_ROLES)
export class CrossSellController {
  constructor(
    private readonly rules: CrossSellRuleRepository,
    private readonly recompute: CrossSellRecompute,
    private readonly offers: NextBestOfferService,
  ) {}

  @Get('rules')
  @ApiOperation({ summary: 'The association rules A -> B of the last recompute, highest lift first, paged' })
  @ApiOkResponse({ type: AssociationRulePage })
  async list(@Query() query: PageQuery): Promise<AssociationRulePage> {
    const [page, computedAt] = await Promise.all([
      this.rules.page(query.limit, query.offset),
      this.rules.lastRunAt(),
    ]);
    return {
      ...page,
      limit: query.limit,
      offset: query.offset,
      computedAt: computedAt?.toISOString() ?? null,
    };
  }

  @Post('recompute')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Mines the rules and moves the next best offers now (after a recompute in progress); publishes the changed offers',
  })
  @ApiOkResponse({ type: CrossSellRecomputeView })
  recomputeNow(): Promise<CrossSellRecomputeResult> {
    return this.recompute.recomputeNow();
  }

  @Get('customers/:id/next-best-offer')
  @ApiOperation({ summary: "A customer's next best offer, with the reason" })
  @ApiOkResponse({ type: NextBestOfferView })
  @ApiNotFoundResponse({ description: 'No rule offers this customer anything' })
  offer(@Param('id', UuidPipe) customerId: string): Promise<StoredOffer> {
    return this.offers.find(customerId);
  }
}
