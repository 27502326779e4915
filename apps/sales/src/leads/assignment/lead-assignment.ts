import { LeadAssignmentStrategy } from '@crm/contracts';

export type AssignmentStrategy = LeadAssignmentStrategy;

/** How to assign: the nearest dealer selling the lead's model, or the next direct rep of a manager. */
export type AssignmentRule = { strategy: 'nearest-dealer' } | { strategy: 'round-robin'; managerId: string };

/** The decision kept on the lead: what was chosen and why, so a person can check it later. */
export type LeadAssignment =
  | {
      strategy: 'nearest-dealer';
      partnerId: string;
      dealerCode: string;
      distanceMeters: number;
      /** The dealer's open leads when it was chosen (the first tie-break after distance). */
      openLeads: number;
      /** The other dealers that were as near (to the meter) and lost on load or code. */
      tiedWith: string[];
      decidedBy: string;
      decidedAt: string;
    }
  | {
      strategy: 'round-robin';
      managerId: string;
      ownerId: string;
      /** The team's running count of handed-out leads, this one included. */
      turn: number;
      decidedBy: string;
      decidedAt: string;
    };
