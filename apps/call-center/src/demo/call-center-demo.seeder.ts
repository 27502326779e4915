import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@crm/messaging';
import { AgentRef, InteractionChannel } from '../interactions/interaction';
import { InteractionRecorder } from '../interactions/interaction-recorder';

/** A past complaint call whose ticket the demo seed already replayed through the service app. */
export interface PastComplaintCall {
  agent: AgentRef;
  ticketId: string;
  customerId: string;
  vehicleId: string | null;
  qualityType: string;
  description: string;
  channel: InteractionChannel;
  occurredAt: string;
}

/** Demo data for the embedded default: the agent's calls behind the past tickets, on the timeline. */
@Injectable()
export class CallCenterDemoSeeder {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly recorder: InteractionRecorder,
  ) {}

  async recordPastComplaintCall(call: PastComplaintCall): Promise<void> {
    await this.uow.run((tx) =>
      this.recorder.record(tx, {
        customerId: call.customerId,
        kind: 'complaint',
        channel: call.channel,
        direction: 'inbound',
        agentId: call.agent.id,
        agentName: call.agent.name,
        subject: `Complaint: ${call.qualityType}`,
        notes: call.description,
        outcome: 'ticket-requested',
        durationSeconds: null,
        ticketId: call.ticketId,
        vehicleId: call.vehicleId,
        qualityType: call.qualityType,
        occurredAt: call.occurredAt,
      }),
    );
  }
}
