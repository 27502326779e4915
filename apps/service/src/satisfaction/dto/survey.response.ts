import { OpenSurvey } from '../survey.service';
import { ApiProperty } from '@nestjs/swagger';

export class SurveyLinkResponse {
  @ApiProperty({ description: 'Single use; only its hash is kept' })
  token: string;
  @ApiProperty({ format: 'uri', example: 'https://crm.example.cn/survey/3q2-…' })
  url: string;
}

export class OpenSurveyResponse implements OpenSurvey {
  @ApiProperty({ format: 'uuid' })
  ticketId: string;
  @ApiProperty({ example: 'T-20261124-000123' })
  ticketNumber: string;
  @ApiProperty({ example: 'brakes' })
  qualityType: string;
  @ApiProperty({ type: String, nullable: true, example: 'Volkswagen' })
  brand: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '深圳南山站',
    description: 'The station that did the repair',
  })
  stationName: string | null;
  @ApiProperty({ format: 'date-time', description: 'After this the link answers 410' })
  expiresAt: string;
}

export class SurveyThanksResponse {
  @ApiProperty({ enum: [true] })
  thanks: true;
}
