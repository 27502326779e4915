import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ReasonDto } from '../../tickets/dto/reason.dto';

export class RerouteTicketDto extends ReasonDto {
  @ApiProperty({ format: 'uuid', description: 'The repair station to send the ticket to' })
  @IsUUID()
  stationId: string;
}
