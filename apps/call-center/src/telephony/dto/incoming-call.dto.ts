import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class IncomingCallDto {
  @ApiProperty({ example: '+86 138 0013 8000', description: 'The number the customer calls from' })
  @IsString()
  @Matches(/^[\d\s+\-()]{3,30}$/, { message: 'callerNumber must be a phone number' })
  callerNumber: string;

  @ApiProperty({ example: '400-800-8888', description: 'The hotline the customer dialled' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  calledLine: string;

  @ApiProperty({ example: 'call-20260310-000123', description: 'The switch’s id of the call' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  callId: string;

  @ApiPropertyOptional({
    description: 'The agent the call is routed to; without it every connected agent sees it',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  agentId?: string;
}
