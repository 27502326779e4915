import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiForbiddenResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@crm/auth';
import { InboundSmsDto, InboundSmsResultView } from './dto/sms-reply.dto';
import { SMS_GATEWAY_SECRET_HEADER, SmsGatewaySecretGuard } from './sms-gateway-secret.guard';
import { SmsReplyService } from './sms-reply.service';

/** Public to tokens: the SMS gateway calls it, and the shared secret it sends (CAMPAIGNS_SMS_INBOUND_SECRET) is the credential. */
@ApiTags('sms replies')
@Controller('sms/replies')
@Public()
@UseGuards(SmsGatewaySecretGuard)
export class SmsReplyController {
  constructor(private readonly replies: SmsReplyService) {}

  @Post()
  @HttpCode(200)
  @ApiHeader({ name: SMS_GATEWAY_SECRET_HEADER, required: true, description: 'The shared gateway secret' })
  @ApiOperation({
    summary:
      "An inbound SMS from the gateway; an opt-out reply (TD, T, 退订, STOP) withdraws that number's SMS consent",
  })
  @ApiOkResponse({ type: InboundSmsResultView })
  @ApiForbiddenResponse({ description: 'The gateway secret is missing or wrong' })
  async receive(@Body() body: InboundSmsDto): Promise<InboundSmsResultView> {
    return { optedOut: await this.replies.receive(body) };
  }
}
