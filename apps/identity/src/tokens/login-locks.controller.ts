import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { IdentityAuditActions, IdentityAuditLog } from '../audit/identity-audit-log';
import { ClearLoginLockDto } from './dto/clear-login-lock.dto';
import { LoginThrottle } from './login-throttle';

@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/login-locks')
export class LoginLocksController {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly audit: IdentityAuditLog,
    private readonly dataSource: DataSource,
  ) {}

  @Post('clear')
  @HttpCode(204)
  @Roles(R.admin)
  @ApiOperation({
    summary:
      'Forget the failed sign-ins of an account (and optionally an address), lifting its lockout. ' +
      'With no administrator left to call this, run apps/identity/src/tools/clear-login-lock.ts',
  })
  @ApiNoContentResponse()
  async clear(@Body() body: ClearLoginLockDto): Promise<void> {
    await this.throttle.clear({ kind: body.kind, account: body.account }, body.address);
    await this.audit.record(this.dataSource.manager, {
      action: IdentityAuditActions.loginLockCleared,
      entityType: body.kind === 'user' ? 'user' : 'partner-client',
      entityId: body.account,
    });
  }
}
