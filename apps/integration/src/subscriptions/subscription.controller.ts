import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, PartnerScoped, Principal, Roles } from '@crm/auth';
import { PARTNER_ROLES, Roles as R, SYSTEM_ROLES } from '@crm/contracts';
import { ApiWebhook, UuidPipe } from '@crm/http';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { ReplayResponse, ReplaySubscriptionDto } from './dto/replay-subscription.dto';
import { SubscriptionDeliveriesQuery } from './dto/subscription-deliveries.query';
import { SubscriptionEventWebhook } from './dto/subscription-event.webhook';
import {
  CreatedSubscriptionResponse,
  SubscribableEventsResponse,
  SubscriptionDeliveriesResponse,
  SubscriptionResponse,
  SubscriptionSecretResponse,
  SubscriptionsResponse,
} from './dto/subscription.response';
import { SUBSCRIBABLE_EVENTS } from './subscribable-events';
import { SubscriptionDeliveryService } from './subscription-delivery.service';
import { SUBSCRIPTION_SCOPE } from './subscription-partner-scope.registration';
import { SubscriptionReplayService } from './subscription-replay.service';
import { SubscriptionService } from './subscription.service';

/** Admins, partners for their own records, and system clients (billing, erp; ADR 0054) for platform events. */
const SUBSCRIBERS = [R.admin, ...PARTNER_ROLES, ...SYSTEM_ROLES];

@ApiTags('subscriptions')
@ApiWebhook({
  name: 'subscription event',
  summary: 'An event of a type you subscribed to',
  description:
    'POSTed to the subscription URL, signed per Standard Webhooks with its secret (docs/partners/webhooks.md), in ' +
    'order per subscription, retried with backoff until a 2xx; deduplicate on `webhook-id` (the event id).',
  payload: SubscriptionEventWebhook,
})
@ApiBearerAuth()
@Controller('subscriptions')
export class SubscriptionController {
  constructor(
    private readonly subscriptions: SubscriptionService,
    private readonly deliveries: SubscriptionDeliveryService,
    private readonly replays: SubscriptionReplayService,
  ) {}

  @Get('event-types')
  @Roles(...SUBSCRIBERS)
  @ApiOperation({
    summary: 'The event types one may subscribe to, with the payload field that scopes each to a partner',
  })
  @ApiOkResponse({ type: SubscribableEventsResponse })
  eventTypes(): SubscribableEventsResponse {
    return {
      items: [...SUBSCRIBABLE_EVENTS.values()].map(({ definition, partnerField, fields }) => ({
        type: definition.type,
        version: definition.version,
        description: definition.description,
        partnerField,
        fields,
      })),
    };
  }

  @Post()
  @Roles(...SUBSCRIBERS)
  @ApiOperation({ summary: 'Subscribe a URL to event types; the answer shows the signing secret, once' })
  @ApiCreatedResponse({ type: CreatedSubscriptionResponse })
  create(@Body() body: CreateSubscriptionDto, @CurrentPrincipal() principal: Principal) {
    return this.subscriptions.create(principal, body);
  }

  @Get()
  @Roles(...SUBSCRIBERS)
  @ApiOperation({ summary: "Subscriptions: a partner's own, or every one for an admin" })
  @ApiOkResponse({ type: SubscriptionsResponse })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: await this.subscriptions.list(principal) };
  }

  @Get(':id')
  @Roles(...SUBSCRIBERS)
  @PartnerScoped(SUBSCRIPTION_SCOPE)
  @ApiOperation({
    summary: 'A subscription, with its health: paused, and why, when its receiver kept failing',
  })
  @ApiOkResponse({ type: SubscriptionResponse })
  get(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.subscriptions.visible(principal, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...SUBSCRIBERS)
  @PartnerScoped(SUBSCRIPTION_SCOPE)
  @ApiOperation({ summary: 'Ends a subscription and its delivery log' })
  @ApiNoContentResponse()
  async delete(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.subscriptions.delete(principal, id);
  }

  @Post(':id/secret')
  @HttpCode(200)
  @Roles(...SUBSCRIBERS)
  @PartnerScoped(SUBSCRIPTION_SCOPE)
  @ApiOperation({
    summary: 'Rotates the signing secret: the next attempts are signed with the new one, shown once',
  })
  @ApiOkResponse({ type: SubscriptionSecretResponse })
  rotateSecret(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.subscriptions.rotateSecret(principal, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(...SUBSCRIBERS)
  @PartnerScoped(SUBSCRIPTION_SCOPE)
  @ApiOperation({ summary: 'Resumes a paused subscription: what waited is sent, in order' })
  @ApiOkResponse({ type: SubscriptionResponse })
  resume(@Param('id', UuidPipe) id: string, @CurrentPrincipal() principal: Principal) {
    return this.deliveries.resume(principal, id);
  }

  @Post(':id/replay')
  @HttpCode(200)
  @Roles(...SUBSCRIBERS)
  @PartnerScoped(SUBSCRIPTION_SCOPE)
  @ApiOperation({
    summary:
      'Sends again every event since a point in time (within the event log retention), same webhook-id',
  })
  @ApiOkResponse({ type: ReplayResponse })
  async replay(
    @Param('id', UuidPipe) id: string,
    @Body() body: ReplaySubscriptionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReplayResponse> {
    return { enqueued: await this.replays.replay(principal, id, new Date(body.from)) };
  }

  @Get(':id/deliveries')
  @Roles(...SUBSCRIBERS)
  @PartnerScoped(SUBSCRIPTION_SCOPE)
  @ApiOperation({ summary: 'The delivery log, newest first, with every attempt' })
  @ApiOkResponse({ type: SubscriptionDeliveriesResponse })
  async deliveryLog(
    @Param('id', UuidPipe) id: string,
    @Query() query: SubscriptionDeliveriesQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return { items: await this.deliveries.log(principal, id, query.limit ?? 50) };
  }
}
