import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PartnerScoped, Roles } from '@crm/auth';
import { ALL_PARTNER_KINDS, PartnerKind, Roles as R, STAFF_ROLES } from '@crm/contracts';
import { PageQuery, UuidPipe } from '@crm/http';
import { CreatePartnerDto, PARTNER_CODE_PATTERN } from './dto/create-partner.dto';
import { NearbyPartnersQuery } from './dto/nearby-partners.query';
import { UpdatePartnerDto } from './dto/update-partner.dto';
import { PartnerRepository } from './partner.repository';
import { PartnerService } from './partner.service';
import { NearbyPartnersResponse, PartnerPageResponse, PartnerResponse } from './dto/partner.response';

class ListPartnersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ALL_PARTNER_KINDS })
  @IsOptional()
  @IsIn(ALL_PARTNER_KINDS)
  kind?: PartnerKind;

  @ApiPropertyOptional({ description: 'Only the partner with this code', example: 'DL-SH-001' })
  @IsOptional()
  @Matches(PARTNER_CODE_PATTERN, { message: 'code must be 2-40 upper-case letters, digits or dashes' })
  code?: string;
}

@ApiTags('partners')
@ApiBearerAuth()
@Controller('partners')
export class PartnerController {
  constructor(
    private readonly service: PartnerService,
    private readonly partners: PartnerRepository,
  ) {}

  @Post()
  @Roles(R.admin)
  @ApiOperation({ summary: 'Register a dealer or repair station' })
  @ApiCreatedResponse({ type: PartnerResponse })
  register(@Body() body: CreatePartnerDto) {
    return this.service.register(body);
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'List dealers and repair stations' })
  @ApiOkResponse({ type: PartnerPageResponse })
  async list(@Query() query: ListPartnersQuery) {
    const items = await this.partners.list(query, query.limit, query.offset);
    return { items, limit: query.limit, offset: query.offset };
  }

  @Get('nearby')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Active partners nearest to a point, optionally with a skill and brand' })
  @ApiOkResponse({ type: NearbyPartnersResponse })
  async nearby(@Query() query: NearbyPartnersQuery) {
    const items = await this.partners.findNearby({ ...query, at: { lat: query.lat, lon: query.lon } });
    return { items };
  }

  @Get(':id')
  @Roles(...STAFF_ROLES, R.dealer, R.repairStation)
  @PartnerScoped('partner')
  @ApiOperation({ summary: 'One partner; a partner may read only itself' })
  @ApiOkResponse({ type: PartnerResponse })
  get(@Param('id', UuidPipe) id: string) {
    return this.service.get(id);
  }

  @Patch(':id')
  @Roles(R.admin, R.serviceManager)
  @ApiOperation({ summary: 'Change location, skills, capacity, hours or the active flag' })
  @ApiOkResponse({ type: PartnerResponse })
  update(@Param('id', UuidPipe) id: string, @Body() body: UpdatePartnerDto) {
    return this.service.update(id, body);
  }
}
