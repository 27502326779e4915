import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';

export class GeoPointDto {
  @ApiProperty({ example: 31.2304 })
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ example: 121.4737 })
  @IsNumber()
  @Min(-180)
  @Max(180)
  lon: number;
}
