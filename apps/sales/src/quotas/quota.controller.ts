import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { toMoney } from '../opportunities/dto/money.dto';
import { SALES_ADMIN_ROLES } from '../sales.constants';
import {
  MonthProgressView,
  MonthQuery,
  MonthRangeQuery,
  QuotaView,
  SetQuotaDto,
  TeamProgressView,
} from './dto/quota.dto';
import { QuotaProgressService } from './quota-progress.service';
import { QuotaSettingService } from './quota-setting.service';
import { SalesMonthPipe } from './sales-month.pipe';

const MONTH_PARAM = {
  name: 'month',
  example: '2026-03',
  schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
};

@ApiTags('quotas')
@ApiBearerAuth()
@Controller('quotas')
@Roles(R.salesRep, R.salesManager)
export class QuotaController {
  constructor(
    private readonly setting: QuotaSettingService,
    private readonly progress: QuotaProgressService,
  ) {}

  @Put(':userId/:month')
  @Roles(...SALES_ADMIN_ROLES)
  @ApiOperation({
    summary:
      "Set a person's quota for a month (new prospects and CNY revenue); a manager only below themselves, emits quota.set",
  })
  @ApiParam(MONTH_PARAM)
  @ApiOkResponse({ type: QuotaView })
  set(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
    @Param('month', SalesMonthPipe) month: string,
    @Body() body: SetQuotaDto,
  ): Promise<QuotaView> {
    return this.setting.set(principal, userId, month, { ...body, revenue: toMoney(body.revenue) });
  }

  @Get()
  @ApiOperation({
    summary:
      'Quota progress of everyone the caller sees (themselves and below; everyone for admin) for a month, pro-rated to the time passed',
  })
  @ApiOkResponse({ type: MonthProgressView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: MonthQuery): Promise<MonthProgressView> {
    return this.progress.people(principal, query.month);
  }

  @Get('behind')
  @ApiOperation({
    summary:
      'Who is behind: below their quota pro-rated to the share of the month passed, on prospects or revenue',
  })
  @ApiOkResponse({ type: MonthProgressView })
  behind(@CurrentPrincipal() principal: Principal, @Query() query: MonthQuery): Promise<MonthProgressView> {
    return this.progress.behind(principal, query.month);
  }

  @Get('teams/:userId')
  @ApiOperation({
    summary:
      "A person's team (them and everyone below) rolled up, month by month; 404 outside the caller's branch",
  })
  @ApiOkResponse({ type: TeamProgressView })
  async team(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
    @Query() query: MonthRangeQuery,
  ): Promise<TeamProgressView> {
    return { userId, months: await this.progress.teamMonths(principal, userId, query.from, query.to) };
  }
}
