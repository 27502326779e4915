import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@crm/auth';
import { Roles as R } from '@crm/contracts';
import { PageQuery } from '@crm/http';
import { CreateUserDto } from './dto/create-user.dto';
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
  @ApiOperation({ summary: 'List users by username' })
  @ApiOkResponse({ type: UserPageDto })
  list(@Query() query: PageQuery) {
    return this.users.list(query.limit, query.offset);
  }
}
