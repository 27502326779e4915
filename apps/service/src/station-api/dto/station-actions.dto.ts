import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsDateTime } from '@crm/http';

export class AppointmentDto {
  @ApiProperty({
    example: '2026-11-26T09:30:00+08:00',
    description: 'When the customer should bring the vehicle',
  })
  @IsDateTime()
  at: string;
}

export class ProgressDto {
  @ApiProperty({ example: 'Brake discs ordered, arriving tomorrow' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;
}
