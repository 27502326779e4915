import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class SuggestQualityTypeDto {
  @ApiProperty({ example: '刹车时有异响 (noise when braking)' })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  description: string;
}
