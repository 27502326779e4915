import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class InboundSmsDto {
  @ApiProperty({ example: '+8613800000001', description: 'The number the reply came from', maxLength: 40 })
  @IsString()
  @MinLength(3)
  @MaxLength(40)
  from: string;

  @ApiProperty({
    example: '退订',
    description: 'The reply; TD, T, 退订 or STOP opts out of campaign SMS',
    maxLength: 1000,
  })
  @IsString()
  @MaxLength(1000)
  text: string;
}

export class InboundSmsResultView {
  @ApiProperty({
    example: 1,
    description: 'Customers the opt-out applies to (again, if they had opted out already)',
  })
  optedOut: number;
}
