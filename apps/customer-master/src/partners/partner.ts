import { PartnerState } from '@crm/contracts';

export type Partner = PartnerState & { createdAt: string; updatedAt: string };
