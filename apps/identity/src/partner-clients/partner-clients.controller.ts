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
import { CreatePartnerClientDto } from './dto/create-partner-client.dto';
import {
  IssuedPartnerClientDto,
  PartnerClientDto,
  PartnerClientPageDto,
  RotatedClientSecretDto,
} from './dto/partner-client.dto';
import { PartnerClientsService } from './partner-clients.service';

@ApiTags('partner-clients')
@ApiBearerAuth()
@Controller('partner-clients')
export class PartnerClientsController {
  constructor(private readonly clients: PartnerClientsService) {}

  @Post()
  @Roles(R.admin)
  @ApiOperation({ summary: 'Register an API client for a dealer or repair station; answers its secret once' })
  @ApiCreatedResponse({ type: IssuedPartnerClientDto })
  create(@Body() body: CreatePartnerClientDto) {
    return this.clients.create(body);
  }

  @Get()
  @Roles(R.admin)
  @ApiOperation({ summary: 'List partner API clients by client id' })
  @ApiOkResponse({ type: PartnerClientPageDto })
  list(@Query() query: PageQuery) {
    return this.clients.list(query.limit, query.offset);
  }

  @Post(':clientId/disable')
  @HttpCode(200)
  @Roles(R.admin)
  @ApiOperation({
    summary: 'Disable a partner client: no new tokens; issued ones expire within the token lifetime',
  })
  @ApiOkResponse({ type: PartnerClientDto })
  @ApiNotFoundResponse({ description: 'No such client' })
  disable(@Param('clientId') clientId: string) {
    return this.clients.setActive(clientId, false);
  }

  @Post(':clientId/enable')
  @HttpCode(200)
  @Roles(R.admin)
  @ApiOperation({ summary: 'Enable a disabled partner client again' })
  @ApiOkResponse({ type: PartnerClientDto })
  @ApiNotFoundResponse({ description: 'No such client' })
  enable(@Param('clientId') clientId: string) {
    return this.clients.setActive(clientId, true);
  }

  @Post(':clientId/secret')
  @HttpCode(200)
  @Roles(R.admin)
  @ApiOperation({
    summary: 'Rotate a partner client’s secret; answers the new one once, the old stops working',
  })
  @ApiOkResponse({ type: RotatedClientSecretDto })
  @ApiNotFoundResponse({ description: 'No such client' })
  rotateSecret(@Param('clientId') clientId: string) {
    return this.clients.rotateSecret(clientId);
  }
}
