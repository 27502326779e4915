import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { SALES_ADMIN_ROLES } from '../sales.constants';
import { AccountTeamService } from './account-team.service';
import { AccountTeamView, SetAccountTeamDto } from './dto/account-team.dto';

@ApiTags('account teams')
@ApiBearerAuth()
@Controller('accounts/:customerId/team')
export class AccountTeamController {
  constructor(private readonly teams: AccountTeamService) {}

  @Get()
  @Roles(R.salesRep, R.salesManager)
  @ApiOperation({
    summary:
      "A customer account's team: roles and revenue splits; 404 unless someone in the caller's branch is on it",
  })
  @ApiOkResponse({ type: AccountTeamView })
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('customerId', UuidPipe) customerId: string,
  ): Promise<AccountTeamView> {
    return this.teams.get(principal, customerId);
  }

  @Put()
  @Roles(...SALES_ADMIN_ROLES)
  @ApiOperation({
    summary:
      "Set a customer account's whole team: one owner, revenue splits of owner and co-sellers totalling 100; members from the caller's branch",
  })
  @ApiOkResponse({ type: AccountTeamView })
  replace(
    @CurrentPrincipal() principal: Principal,
    @Param('customerId', UuidPipe) customerId: string,
    @Body() body: SetAccountTeamDto,
  ): Promise<AccountTeamView> {
    return this.teams.replace(principal, customerId, body.members);
  }
}
