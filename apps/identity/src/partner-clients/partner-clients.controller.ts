import { Body, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { ApiClientAdminRoutes } from './api-client-routes';
import { CreatePartnerClientDto } from './dto/create-partner-client.dto';
import { IssuedPartnerClientDto, PartnerClientDto, PartnerClientPageDto } from './dto/partner-client.dto';
import { PartnerClientsService } from './partner-clients.service';

const PartnerClientRoutes = ApiClientAdminRoutes({
  noun: 'partner client',
  registerSummary: 'Register an API client for a dealer or repair station; answers its secret once',
  listSummary: 'List partner API clients by client id',
  notFound: 'No such client',
  issued: IssuedPartnerClientDto,
  client: PartnerClientDto,
  page: PartnerClientPageDto,
});

/** API clients acting for a dealer or repair station; admins only. */
@ApiTags('partner-clients')
@ApiBearerAuth()
@Controller('partner-clients')
@Roles(R.admin)
export class PartnerClientsController extends PartnerClientRoutes {
  constructor(protected readonly clients: PartnerClientsService) {
    super();
  }

  @PartnerClientRoutes.register()
  create(@Body() body: CreatePartnerClientDto) {
    return this.clients.create(body);
  }
}
