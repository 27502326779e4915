import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@crm/core';
import { StationRepository } from './station.repository';
import { newWebhookSecret } from './webhook-secret';

export interface WebhookRegistration {
  stationId: string;
  url: string;
  /** Shown once: the station keeps it to verify signatures; a new registration replaces it. */
  secret: string;
}

@Injectable()
export class StationWebhookService {
  constructor(private readonly stations: StationRepository) {}

  async register(stationId: string, url: string): Promise<WebhookRegistration> {
    const secret = newWebhookSecret();
    if (!(await this.stations.setWebhook(stationId, url, secret)))
      throw new NotFoundError('station', stationId);
    return { stationId, url, secret };
  }
}
