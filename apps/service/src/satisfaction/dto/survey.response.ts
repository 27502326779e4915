import { ApiProperty } from '@nestjs/swagger';

export class SurveyLinkResponse {
  @ApiProperty({ description: 'Single use; only its hash is kept' })
  token: string;
  @ApiProperty({ format: 'uri', example: 'https://crm.example.cn/survey/3q2-…' })
  url: string;
}

export class OpenSurveyResponse {
  @ApiProperty({ format: 'uuid' })
  ticketId: string;
  @ApiProperty({ example: 'T-20261124-000123' })
  ticketNumber: string;
  @ApiProperty({ example: 'brakes' })
  qualityType: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resolvedAt: string | null;
}

export class SurveyThanksResponse {
  @ApiProperty({ enum: [true] })
  thanks: true;
}
