import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ALL_CONSENT_CHANNELS, ConsentChannel } from '@crm/contracts';

export class ConsentInputDto {
  @ApiProperty({
    enum: ALL_CONSENT_CHANNELS,
    description: "A contact channel, or web: being tracked on the manufacturer's website",
    example: 'sms',
  })
  @IsIn(ALL_CONSENT_CHANNELS)
  channel: ConsentChannel;

  @ApiProperty({ example: true })
  @IsBoolean()
  granted: boolean;

  @ApiProperty({ description: 'Where the consent was given', example: 'call-center' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  source: string;
}
