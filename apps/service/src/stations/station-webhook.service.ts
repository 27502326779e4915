import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '@crm/core';
import { newWebhookSecret, WebhookTargetPolicy, WebhookTargetRefused } from '@crm/webhooks';
import { StationRepository } from './station.repository';

export interface WebhookRegistration {
  stationId: string;
  url: string;
  /** Shown once: the station keeps it to verify signatures; a new registration replaces it. */
  secret: string;
}

@Injectable()
export class StationWebhookService {
  constructor(
    private readonly stations: StationRepository,
    private readonly targets: WebhookTargetPolicy,
  ) {}

  async register(stationId: string, url: string): Promise<WebhookRegistration> {
    try {
      await this.targets.check(url);
    } catch (error) {
      if (!(error instanceof WebhookTargetRefused)) throw error;
      throw new InvalidInputError([{ field: 'url', message: `the webhook URL ${error.message}` }]);
    }
    const secret = newWebhookSecret();
    if (!(await this.stations.setWebhook(stationId, url, secret)))
      throw new NotFoundError('station', stationId);
    return { stationId, url, secret };
  }
}
