import { PayloadOf, RepairRecorded } from '@crm/contracts';

export type RepairRecord = PayloadOf<typeof RepairRecorded>;
export type RepairInput = Pick<RepairRecord, 'workDone' | 'parts' | 'cost' | 'technician'>;
