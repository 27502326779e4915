import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { PageQuery } from '@crm/http';
import { RotatedClientSecretDto } from '../partner-clients/dto/partner-client.dto';
import {
  CreateSystemClientDto,
  IssuedSystemClientDto,
  SystemClientDto,
  SystemClientPageDto,
} from './dto/system-client.dto';
import { SystemClientsService } from './system-clients.service';

/** API clients of back-office systems (billing, ERP), bound to no partner (ADR 0054); admins only. */
@ApiTags('system-clients')
@ApiBearerAuth()
@Controller('system-clients')
@Roles(R.admin)
export class SystemClientsController {
  constructor(private readonly clients: SystemClientsService) {}

  @Post()
  @ApiOperation({
    summary: 'Register an API client for a back-office system with one system role; answers its secret once',
  })
  @ApiCreatedResponse({ type: IssuedSystemClientDto })
  create(@Body() body: CreateSystemClientDto) {
    return this.clients.create(body);
  }

  @Get()
  @ApiOperation({ summary: 'List system clients by client id' })
  @ApiOkResponse({ type: SystemClientPageDto })
  list(@Query() query: PageQuery) {
    return this.clients.list(query.limit, query.offset);
  }

  @Post(':clientId/disable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Disable a system client: no new tokens; issued ones expire within the token lifetime',
  })
  @ApiOkResponse({ type: SystemClientDto })
  @ApiNotFoundResponse({ description: 'No such system client' })
  disable(@Param('clientId') clientId: string) {
    return this.clients.setActive(clientId, false);
  }

  @Post(':clientId/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled system client again' })
  @ApiOkResponse({ type: SystemClientDto })
  @ApiNotFoundResponse({ description: 'No such system client' })
  enable(@Param('clientId') clientId: string) {
    return this.clients.setActive(clientId, true);
  }

  @Post(':clientId/secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Rotate a system client’s secret; answers the new one once, the old stops working',
  })
  @ApiOkResponse({ type: RotatedClientSecretDto })
  @ApiNotFoundResponse({ description: 'No such system client' })
  rotateSecret(@Param('clientId') clientId: string) {
    return this.clients.rotateSecret(clientId);
  }
}
