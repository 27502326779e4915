import { CampaignChannel } from '@crm/contracts';
import { CampaignChannelSender } from './campaign-message';
import { SendPacer } from './send-pacer';

export interface PacedChannel {
  sender: CampaignChannelSender;
  pacer: SendPacer;
  ratePerSecond: number;
}

/** The channels this process can send on, each with its own pace; SMS joins here with its gateway sender. */
export class CampaignChannels {
  private readonly byChannel: Map<CampaignChannel, PacedChannel>;

  constructor(channels: PacedChannel[]) {
    this.byChannel = new Map(channels.map((channel) => [channel.sender.channel, channel]));
  }

  get(channel: CampaignChannel): PacedChannel | undefined {
    return this.byChannel.get(channel);
  }

  get configured(): boolean {
    return this.byChannel.size > 0;
  }

  /** The slowest channel's rate: a batch stays within a second of pacing, so within its lease. */
  get slowestRatePerSecond(): number {
    return Math.min(...[...this.byChannel.values()].map((channel) => channel.ratePerSecond));
  }

  close(): void {
    for (const channel of this.byChannel.values()) channel.sender.close();
  }
}
