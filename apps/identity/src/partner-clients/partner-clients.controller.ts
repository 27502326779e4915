import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { PageQuery } from '@crm/http';
import { CreatePartnerClientDto } from './dto/create-partner-client.dto';
import { IssuedPartnerClientDto, PartnerClientPageDto } from './dto/partner-client.dto';
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
}
