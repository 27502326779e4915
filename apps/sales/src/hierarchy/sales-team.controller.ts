import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { SALES_ADMIN_ROLES } from '../sales.constants';
import { SalesUserDto, SetTeamMemberDto, TeamDto } from './dto/set-team-member.dto';
import { SalesTeamService } from './sales-team.service';

@ApiTags('sales team')
@ApiBearerAuth()
@Controller('sales-team')
export class SalesTeamController {
  constructor(private readonly team: SalesTeamService) {}

  @Get()
  @Roles(R.salesRep, R.salesManager)
  @ApiOperation({
    summary: 'The caller and everyone below them in the sales tree (the whole tree for admin)',
  })
  @ApiOkResponse({ type: TeamDto })
  get(@CurrentPrincipal() principal: Principal): Promise<TeamDto> {
    return this.team.teamOf(principal);
  }

  @Put('members/:userId')
  @Roles(...SALES_ADMIN_ROLES)
  @ApiOperation({
    summary: 'Place a user (by identity user id) under a manager; a manager only within their own branch',
  })
  @ApiOkResponse({ type: SalesUserDto })
  setMember(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
    @Body() body: SetTeamMemberDto,
  ): Promise<SalesUserDto> {
    return this.team.setMember(principal, { userId, name: body.name, managerId: body.managerId ?? null });
  }
}
