import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@crm/messaging';
import { AgentRef } from '../interactions/interaction';
import { InteractionRecorder } from '../interactions/interaction-recorder';
import { Customer360Invalidator } from '../read-model/customer-360.invalidator';
import { ComplaintPublisher } from './complaint.publisher';
import { ComplaintSubjectReader } from './complaint-subject.reader';
import { RecordComplaintDto } from './dto/record-complaint.dto';

export interface ComplaintReceipt {
  ticketId: string;
  interactionId: string;
}

/**
 * Records a complaint on the customer's timeline and hands it to the service app as an event, in
 * one transaction: the agent quotes the ticket id at once, whether or not the service app is up.
 */
@Injectable()
export class ComplaintIntakeService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly subjects: ComplaintSubjectReader,
    private readonly recorder: InteractionRecorder,
    private readonly publisher: ComplaintPublisher,
    private readonly invalidator: Customer360Invalidator,
  ) {}

  record(customerId: string, agent: AgentRef, input: RecordComplaintDto): Promise<ComplaintReceipt> {
    return this.uow.run(async (tx) => {
      const { vehicle, location } = await this.subjects.read(tx, customerId, input.vehicleId, input.location);
      const ticketId = this.publisher.newTicketId();
      const vehicleId = input.vehicleId ?? null;
      const { interactionId } = await this.recorder.record(tx, {
        customerId,
        kind: 'complaint',
        channel: input.channel,
        direction: 'inbound',
        agentId: agent.id,
        agentName: agent.name,
        subject: `Complaint: ${input.qualityType}`,
        notes: input.description,
        outcome: 'ticket-requested',
        durationSeconds: null,
        ticketId,
        vehicleId,
        qualityType: input.qualityType,
      });
      await this.publisher.publish(tx, ticketId, {
        interactionId,
        customerId,
        vehicleId,
        vin: vehicle?.vin ?? null,
        brand: vehicle?.brand ?? null,
        sellingDealerId: vehicle?.sellingDealerId ?? null,
        qualityType: input.qualityType,
        description: input.description,
        channel: input.channel,
        location,
        agentId: agent.id,
        agentName: agent.name,
      });
      this.invalidator.afterCommit(tx, customerId);
      return { ticketId, interactionId };
    });
  }
}
