import { ApiProperty } from '@nestjs/swagger';
import { Vehicle } from '../vehicle';

const nullableDate = { type: String, format: 'date', nullable: true } as const;

export class VehicleResponse implements Vehicle {
  @ApiProperty({ format: 'uuid' })
  vehicleId: string;
  @ApiProperty({ example: 'LDCA1B2C0NA123456', minLength: 17, maxLength: 17 })
  vin: string;
  @ApiProperty({ example: 'Aurora' })
  brand: string;
  @ApiProperty({ example: 'A6 Sedan' })
  model: string;
  @ApiProperty({ type: Number, nullable: true, example: 2023 })
  modelYear: number | null;
  @ApiProperty(nullableDate)
  purchaseDate: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  sellingDealerId: string | null;
  @ApiProperty(nullableDate)
  warrantyEnd: string | null;
  @ApiProperty({ format: 'uuid' })
  ownerCustomerId: string;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class VehicleListResponse {
  @ApiProperty({ type: [VehicleResponse] })
  items: VehicleResponse[];
}

export class VehiclePageResponse extends VehicleListResponse {
  @ApiProperty({ example: 20 })
  limit: number;
  @ApiProperty({ example: 0 })
  offset: number;
}
