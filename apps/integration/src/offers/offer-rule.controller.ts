import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { PageQuery, UuidPipe } from '@crm/http';
import { OfferRuleDto, OfferRulePage, OfferRuleView } from './dto/offer-rule.dto';
import { OfferRule } from './offer-rule';
import { OfferRuleService } from './offer-rule.service';

/** Offer rules: admins only (ADR 0043). */
@ApiTags('offers')
@ApiBearerAuth()
@Controller('offers/rules')
@Roles(R.admin)
export class OfferRuleController {
  constructor(private readonly rules: OfferRuleService) {}

  @Post()
  @ApiOperation({
    summary: 'Add an offer rule: customers in a tier with no service visit for N months are granted an offer',
    description: 'Evaluated at once over every customer, then on tier and service events and on a schedule.',
  })
  @ApiCreatedResponse({ type: OfferRuleView })
  create(@Body() body: OfferRuleDto): Promise<OfferRule> {
    return this.rules.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'The offer rules, oldest first' })
  @ApiOkResponse({ type: OfferRulePage })
  async list(@Query() page: PageQuery): Promise<{ items: OfferRule[]; limit: number; offset: number }> {
    return { items: await this.rules.list(page.limit, page.offset), ...page };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One offer rule' })
  @ApiOkResponse({ type: OfferRuleView })
  get(@Param('id', UuidPipe) id: string): Promise<OfferRule> {
    return this.rules.get(id);
  }

  @Put(':id')
  @ApiOperation({
    summary: 'Replace an offer rule; offers granted keep their terms',
    description:
      'enabled: false stops it and withdraws its offers not yet applied (offer.withdrawn, once each); applied ones stay.',
  })
  @ApiOkResponse({ type: OfferRuleView })
  replace(@Param('id', UuidPipe) id: string, @Body() body: OfferRuleDto): Promise<OfferRule> {
    return this.rules.replace(id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete an offer rule: it grants nothing more, and its offers not yet applied are withdrawn',
  })
  @ApiNoContentResponse({ description: 'Deleted; offer.withdrawn published for each offer not yet applied' })
  @ApiNotFoundResponse({ description: 'No such rule' })
  delete(@Param('id', UuidPipe) id: string): Promise<void> {
    return this.rules.delete(id);
  }
}
