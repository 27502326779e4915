import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Page, PageQuery, UuidPipe } from '@crm/http';
import { CALL_CENTER_ROLES, CALL_CENTER_WRITERS } from '../call-center.constants';
import { RecordInteractionDto } from './dto/record-interaction.dto';
import { agentOf, Interaction } from './interaction';
import { InteractionService } from './interaction.service';
import { InteractionPageResponse, InteractionResponse } from './dto/interaction.response';

@ApiTags('interactions')
@ApiBearerAuth()
@Controller('customers/:id/interactions')
export class InteractionController {
  constructor(private readonly service: InteractionService) {}

  @Post()
  @Roles(...CALL_CENTER_WRITERS)
  @ApiOperation({ summary: 'Record a phone call, email, SMS or web form on the customer’s timeline' })
  @ApiNotFoundResponse({ description: 'The call center has no such customer' })
  @ApiCreatedResponse({ type: InteractionResponse })
  record(
    @Param('id', UuidPipe) customerId: string,
    @Body() body: RecordInteractionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Interaction> {
    return this.service.record(customerId, agentOf(principal), body);
  }

  @Get()
  @Roles(...CALL_CENTER_ROLES)
  @ApiOperation({ summary: 'The customer’s interactions on every channel, newest first' })
  @ApiOkResponse({ type: InteractionPageResponse })
  async list(
    @Param('id', UuidPipe) customerId: string,
    @Query() page: PageQuery,
  ): Promise<Page<Interaction>> {
    const items = await this.service.list(customerId, page);
    return { items, limit: page.limit, offset: page.offset };
  }
}
