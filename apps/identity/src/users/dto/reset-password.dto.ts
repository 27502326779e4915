import { ApiProperty } from '@nestjs/swagger';
import { IsByteLength, IsString } from 'class-validator';

export class ResetPasswordDto {
  @ApiProperty({
    description: 'The new password: at least 8 characters and at most 72 bytes (the bcrypt limit)',
    format: 'password',
  })
  @IsString()
  @IsByteLength(8, 72, { message: 'password must be 8 to 72 bytes long' })
  password: string;
}
