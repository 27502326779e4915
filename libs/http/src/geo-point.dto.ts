import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';

/** A point on earth (WGS 84); shared by every service that takes a location. */
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
