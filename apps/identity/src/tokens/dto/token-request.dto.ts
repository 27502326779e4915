import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';

export const GrantTypes = { password: 'password', clientCredentials: 'client_credentials' } as const;
export type GrantType = (typeof GrantTypes)[keyof typeof GrantTypes];
export const ALL_GRANT_TYPES = Object.values(GrantTypes) as GrantType[];

/** An OAuth 2.0 token request (RFC 6749 §4.3 and §4.4), as JSON or as a form. */
export class TokenRequestDto {
  @ApiProperty({
    enum: ALL_GRANT_TYPES,
    description: 'password for users, client_credentials for partner systems',
  })
  @IsIn(ALL_GRANT_TYPES)
  grant_type: GrantType;

  @ApiPropertyOptional({ description: 'Required with the password grant', example: 'li.wei' })
  @ValidateIf(
    (request: TokenRequestDto) =>
      request.grant_type === GrantTypes.password || request.username !== undefined,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  username?: string;

  @ApiPropertyOptional({ description: 'Required with the password grant', format: 'password' })
  @ValidateIf(
    (request: TokenRequestDto) =>
      request.grant_type === GrantTypes.password || request.password !== undefined,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password?: string;

  @ApiPropertyOptional({
    description: 'Required with the client_credentials grant',
    example: 'dealer-sh-001-dms',
  })
  @ValidateIf(
    (request: TokenRequestDto) =>
      request.grant_type === GrantTypes.clientCredentials || request.client_id !== undefined,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  client_id?: string;

  @ApiPropertyOptional({ description: 'Required with the client_credentials grant', format: 'password' })
  @ValidateIf(
    (request: TokenRequestDto) =>
      request.grant_type === GrantTypes.clientCredentials || request.client_secret !== undefined,
  )
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  client_secret?: string;

  @ApiPropertyOptional({
    description: 'Accepted for OAuth 2.0 clients that send it; tokens carry the account’s roles',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  scope?: string;
}
