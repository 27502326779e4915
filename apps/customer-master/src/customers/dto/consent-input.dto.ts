import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ALL_CONTACT_CHANNELS, ContactChannel } from '@crm/contracts';

export class ConsentInputDto {
  @ApiProperty({ enum: ALL_CONTACT_CHANNELS, example: 'sms' })
  @IsIn(ALL_CONTACT_CHANNELS)
  channel: ContactChannel;

  @ApiProperty({ example: true })
  @IsBoolean()
  granted: boolean;

  @ApiProperty({ description: 'Where the consent was given', example: 'call-center' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  source: string;
}
