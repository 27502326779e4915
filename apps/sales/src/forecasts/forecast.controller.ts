import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { toMoney } from '../opportunities/dto/money.dto';
import { MonthQuery } from '../quotas/dto/quota.dto';
import { SALES_ADMIN_ROLES } from '../sales.constants';
import {
  AdjustForecastDto,
  ForecastAdjustmentView,
  ForecastMonthView,
  TeamForecastView,
} from './dto/forecast.dto';
import { ForecastAdjustmentService } from './forecast-adjustment.service';
import { ForecastQueryService } from './forecast-query.service';

@ApiTags('forecasts')
@ApiBearerAuth()
@Controller('forecasts')
@Roles(R.salesRep, R.salesManager)
export class ForecastController {
  constructor(
    private readonly queries: ForecastQueryService,
    private readonly adjusting: ForecastAdjustmentService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "A month's forecast per person the caller sees: weighted pipeline by category (commit, best case, pipeline, closed), computed and adjusted",
  })
  @ApiOkResponse({ type: ForecastMonthView })
  list(@CurrentPrincipal() principal: Principal, @Query() query: MonthQuery): Promise<ForecastMonthView> {
    return this.queries.people(principal, query.month);
  }

  @Get('teams/:userId')
  @ApiOperation({
    summary:
      "A team's (a person and everyone below) forecast for a month, computed and adjusted; 404 outside the caller's branch",
  })
  @ApiOkResponse({ type: TeamForecastView })
  team(
    @CurrentPrincipal() principal: Principal,
    @Param('userId') userId: string,
    @Query() query: MonthQuery,
  ): Promise<TeamForecastView> {
    return this.queries.team(principal, userId, query.month);
  }

  @Post('adjustments')
  @Roles(...SALES_ADMIN_ROLES)
  @ApiOperation({
    summary:
      "Adjust a person's or a team's forecast for a month with a note; the computed number is kept beside it",
  })
  @ApiCreatedResponse({ type: ForecastAdjustmentView })
  adjust(
    @CurrentPrincipal() principal: Principal,
    @Body() body: AdjustForecastDto,
  ): Promise<ForecastAdjustmentView> {
    return this.adjusting.adjust(principal, { ...body, amount: toMoney(body.amount) });
  }
}
