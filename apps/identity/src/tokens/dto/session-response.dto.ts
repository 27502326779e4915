import { ApiProperty } from '@nestjs/swagger';
import { PrincipalDto } from './principal.dto';

export class SessionResponseDto {
  @ApiProperty({ type: PrincipalDto })
  principal: PrincipalDto;

  @ApiProperty({ description: 'Seconds until the session cookie (and its token) expires', example: 3600 })
  expires_in: number;
}
