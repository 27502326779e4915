import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { OfferAppliedDto, OfferList, OfferQuery, OfferView } from './dto/offer.dto';
import { Offer } from './offer';
import { OfferAcknowledgement } from './offer-acknowledgement';

/** Offers granted by offer rules, for billing (role `billing`) and admins (ADR 0043). */
@ApiTags('offers')
@ApiBearerAuth()
@Controller('offers')
@Roles(R.billing)
export class OfferController {
  constructor(private readonly offers: OfferAcknowledgement) {}

  @Get()
  @ApiOperation({ summary: "A customer's offers, newest first: active (granted, applied) and ended" })
  @ApiOkResponse({ type: OfferList })
  async list(@Query() query: OfferQuery): Promise<{ items: Offer[] }> {
    return { items: await this.offers.forCustomer(query.customerId) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One offer' })
  @ApiOkResponse({ type: OfferView })
  @ApiNotFoundResponse({ description: 'No such offer' })
  get(@Param('id', UuidPipe) id: string): Promise<Offer> {
    return this.offers.get(id);
  }

  @Post(':id/applied')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Billing acknowledges an offer it received (offer.granted): publishes offer.applied once',
    description:
      'Acknowledging it again answers the applied offer and publishes nothing; an ended offer is a 409.',
  })
  @ApiOkResponse({ type: OfferView })
  @ApiNotFoundResponse({ description: 'No such offer' })
  @ApiConflictResponse({ description: 'The offer has ended (expired, or its customer was merged)' })
  applied(@Param('id', UuidPipe) id: string, @Body() body: OfferAppliedDto): Promise<Offer> {
    return this.offers.applied(id, body.reference ?? null);
  }
}
