import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, isPartner, PartnerScoped, Principal, Roles } from '@crm/auth';
import { Roles as R, STAFF_ROLES } from '@crm/contracts';
import { ForbiddenError } from '@crm/core';
import { UuidPipe } from '@crm/http';
import { RegisterVehicleDto, TransferVehicleDto } from './dto/register-vehicle.dto';
import { SoldVehiclesQuery } from './dto/sold-vehicles.query';
import { VehicleService } from './vehicle.service';
import { VehicleListResponse, VehiclePageResponse, VehicleResponse } from './dto/vehicle.response';

@ApiTags('vehicles')
@ApiBearerAuth()
@Controller()
export class VehicleController {
  constructor(private readonly service: VehicleService) {}

  @Post('customers/:id/vehicles')
  @Roles(R.agent, R.salesRep, R.salesManager, R.dealer)
  @PartnerScoped('customer')
  @ApiOperation({
    summary: 'Register a vehicle the customer owns; a dealer caller is recorded as the seller',
  })
  @ApiCreatedResponse({ type: VehicleResponse })
  register(
    @Param('id', UuidPipe) customerId: string,
    @Body() body: RegisterVehicleDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const sellingDealerId = isPartner(principal) ? principal.partnerId : body.sellingDealerId;
    return this.service.register(customerId, { ...body, sellingDealerId });
  }

  @Get('customers/:id/vehicles')
  @Roles(...STAFF_ROLES, R.dealer, R.repairStation)
  @PartnerScoped('customer')
  @ApiOperation({
    summary: 'Vehicles the customer owns, with model, purchase date, selling dealer and warranty',
  })
  @ApiOkResponse({ type: VehicleListResponse })
  async ownedBy(@Param('id', UuidPipe) customerId: string) {
    return { items: await this.service.ownedBy(customerId) };
  }

  @Get('dealer/vehicles')
  @Roles(R.dealer)
  @ApiOperation({
    summary:
      'Vehicles the calling dealer sold, the latest sale first, found by VIN, brand or model (the dealer portal)',
  })
  @ApiOkResponse({ type: VehiclePageResponse })
  async soldByCaller(@CurrentPrincipal() principal: Principal, @Query() query: SoldVehiclesQuery) {
    if (!principal.partnerId) throw new ForbiddenError('Only a dealer token has sold vehicles');
    return {
      items: await this.service.soldBy(principal.partnerId, query),
      limit: query.limit,
      offset: query.offset,
    };
  }

  @Get('vehicles/:vehicleId')
  @Roles(...STAFF_ROLES, R.dealer)
  @PartnerScoped('vehicle', 'vehicleId')
  @ApiOperation({ summary: 'One vehicle; a dealer sees only vehicles it sold' })
  @ApiOkResponse({ type: VehicleResponse })
  get(@Param('vehicleId', UuidPipe) id: string) {
    return this.service.get(id);
  }

  @Post('vehicles/:vehicleId/transfer')
  @Roles(R.agent, R.salesRep, R.salesManager)
  @PartnerScoped('vehicle', 'vehicleId')
  @ApiOperation({ summary: 'Move the vehicle to another owner (a sale between customers)' })
  @ApiCreatedResponse({ type: VehicleResponse })
  transfer(@Param('vehicleId', UuidPipe) id: string, @Body() body: TransferVehicleDto) {
    return this.service.transfer(id, body.newOwnerCustomerId);
  }
}
