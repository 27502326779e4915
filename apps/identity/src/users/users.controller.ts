import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { UuidPipe } from '@crm/http';
import { ChangeRolesDto } from './dto/change-roles.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { ResetPasswordDto } from './dto/reset-password.dto';
import { UserDto, UserPageDto } from './dto/user.dto';
import { User } from './user';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles(R.admin)
  @ApiOperation({ summary: 'Create a staff or partner user' })
  @ApiCreatedResponse({ type: UserDto })
  create(@Body() body: CreateUserDto): Promise<User> {
    return this.users.register(body);
  }

  @Get()
  @Roles(R.admin)
  @ApiOperation({ summary: 'List users by username, searched by name and filtered by role or state' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: ListUsersQuery) {
    return this.users.list(query);
  }

  @Put(':id/roles')
  @Roles(R.admin)
  @ApiOperation({
    summary:
      'Replace the user’s roles (and partner); tokens already issued keep the old roles until they expire',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'No such user' })
  @ApiConflictResponse({ description: 'The last active administrator would lose the admin role' })
  changeRoles(@Param('id', UuidPipe) id: string, @Body() body: ChangeRolesDto): Promise<User> {
    return this.users.changeRoles(id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles(R.admin)
  @ApiOperation({
    summary: 'Disable a user: no new tokens; issued ones expire within the token lifetime',
  })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'No such user' })
  disable(@Param('id', UuidPipe) id: string): Promise<User> {
    return this.users.setActive(id, false);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles(R.admin)
  @ApiOperation({ summary: 'Enable a disabled user again' })
  @ApiOkResponse({ type: UserDto })
  @ApiNotFoundResponse({ description: 'No such user' })
  enable(@Param('id', UuidPipe) id: string): Promise<User> {
    return this.users.setActive(id, true);
  }

  @Put(':id/password')
  @HttpCode(204)
  @Roles(R.admin)
  @ApiOperation({ summary: 'Set a new password for a user; the old one stops working at once' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such user' })
  async resetPassword(@Param('id', UuidPipe) id: string, @Body() body: ResetPasswordDto): Promise<void> {
    await this.users.resetPassword(id, body.password);
  }
}
