import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ACCOUNT_TEAM_ROLES, AccountTeamRole } from '../account-team';

export class AccountTeamMemberDto {
  @ApiProperty({ example: 'rep-e1', description: 'The identity user id of a member of the sales tree' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  userId: string;

  @ApiProperty({ enum: ACCOUNT_TEAM_ROLES, example: 'co_seller' })
  @IsIn(ACCOUNT_TEAM_ROLES)
  role: AccountTeamRole;

  @ApiProperty({
    example: 40,
    minimum: 0,
    maximum: 100,
    description: 'Share of the revenue; owner and co-sellers total 100, other roles 0',
  })
  @IsInt()
  @Min(0)
  @Max(100)
  splitPercent: number;
}

export class SetAccountTeamDto {
  @ApiProperty({ type: [AccountTeamMemberDto], description: 'The whole team; exactly one owner' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AccountTeamMemberDto)
  members: AccountTeamMemberDto[];
}

export class AccountTeamView {
  @ApiProperty({ format: 'uuid', description: 'The customer account' }) customerId: string;
  @ApiProperty({ type: [AccountTeamMemberDto] }) members: AccountTeamMemberDto[];
  @ApiProperty({ nullable: true, type: String }) updatedBy: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) updatedAt: string | null;
}
