import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsTimeZone, Matches } from 'class-validator';

/** IANA names only: offsets such as `+08:00` mean the opposite sign to PostgreSQL's AT TIME ZONE. */
const IANA_NAME = /^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/;

export class SetUserPreferencesDto {
  @ApiProperty({
    example: 'Asia/Shanghai',
    description: 'IANA time zone; next steps fall due at the start of their day there',
  })
  @IsString()
  @Matches(IANA_NAME, { message: 'timeZone must be an IANA time zone name such as Asia/Shanghai' })
  @IsTimeZone()
  timeZone: string;
}

export class UserPreferencesView {
  @ApiProperty({ example: 'Asia/Shanghai', description: 'Asia/Shanghai unless the user chose another' })
  timeZone: string;
}
