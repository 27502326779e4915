import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class ReasonDto {
  @ApiProperty({ example: 'No technician for this gearbox until next month' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason: string;
}
