import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsString, MaxLength, MinLength } from 'class-validator';

export class AppointmentDto {
  @ApiProperty({
    example: '2026-11-26T09:30:00+08:00',
    description: 'When the customer should bring the vehicle',
  })
  @IsISO8601({ strict: true })
  at: string;
}

export class ProgressDto {
  @ApiProperty({ example: 'Brake discs ordered, arriving tomorrow' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;
}
