import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class SetTeamMemberDto {
  @ApiProperty({ example: '王芳' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'u-manager-east',
    description: 'The identity user id of their manager; null or absent for the top of the tree',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  managerId?: string | null;
}

export class SalesUserDto {
  @ApiProperty({ example: 'u-rep-1', description: 'The identity user id (token subject)' })
  userId: string;

  @ApiProperty({ example: '王芳' })
  name: string;

  @ApiProperty({ nullable: true, type: String, example: 'u-manager-east' })
  managerId: string | null;
}

export class TeamMemberDto extends SalesUserDto {
  @ApiProperty({ example: 1, description: 'Levels below the caller: 1 = reports directly' })
  depth: number;

  @ApiProperty({ example: 3 })
  directReports: number;
}

export class TeamDto {
  @ApiProperty({ type: SalesUserDto, nullable: true, description: 'The caller, when they are in the tree' })
  me: SalesUserDto | null;

  @ApiProperty({ type: [TeamMemberDto] })
  members: TeamMemberDto[];
}
