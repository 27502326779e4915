import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@crm/auth';
import { SALES_ROLES } from '../sales.constants';
import { SetUserPreferencesDto, UserPreferencesView } from './dto/user-preferences.dto';
import { UserPreferencesService } from './user-preferences.service';

@ApiTags('preferences')
@ApiBearerAuth()
@Controller('me/preferences')
@Roles(...SALES_ROLES)
export class UserPreferencesController {
  constructor(private readonly preferences: UserPreferencesService) {}

  @Get()
  @ApiOperation({ summary: "The caller's sales preferences (time zone Asia/Shanghai unless changed)" })
  @ApiOkResponse({ type: UserPreferencesView })
  async get(@CurrentPrincipal() principal: Principal): Promise<UserPreferencesView> {
    const { timeZone } = await this.preferences.of(principal.subject);
    return { timeZone };
  }

  @Put()
  @ApiOperation({
    summary: "Set the caller's time zone: their next steps fall due at the start of the day there",
  })
  @ApiOkResponse({ type: UserPreferencesView })
  async set(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SetUserPreferencesDto,
  ): Promise<UserPreferencesView> {
    const { timeZone } = await this.preferences.setTimeZone(principal.subject, body.timeZone);
    return { timeZone };
  }
}
