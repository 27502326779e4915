import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsIP, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LoginAccountKind } from '../login-throttle.constants';

export class ClearLoginLockDto {
  @ApiProperty({ enum: ['user', 'client'], description: 'A user name (password grant) or a client id' })
  @IsIn(['user', 'client'])
  kind: LoginAccountKind;

  @ApiProperty({ example: 'admin' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  account: string;

  @ApiPropertyOptional({
    description: 'Also forget the failures counted for this caller address',
    example: '203.0.113.7',
  })
  @IsOptional()
  @IsIP()
  address?: string;
}
