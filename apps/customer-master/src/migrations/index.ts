import { CreateCustomerMasterSchema1764000000000 } from './1764000000000-create-customer-master-schema';
import { CreateImportJob1764000100000 } from './1764000100000-create-import-job';
import { ParkCustomerMasterDeadLetters1766000000000 } from './1766000000000-park-dead-letters';
import { CustomerMasterOutboxLeaseAndParking1766000100000 } from './1766000100000-outbox-lease-and-parking';
import { CreateCustomerMasterReadAudit1767000000000 } from './1767000000000-create-read-audit';
import { RekeyCustomerMasterNames1796020400001 } from './1796020400001-rekey-names-syllable-pairs';
import { ImportJobHeartbeat1796020500000 } from './1796020500000-import-job-heartbeat';
import { CustomerMasterAggregateSequence1796050000000 } from './1796050000000-create-aggregate-sequence';
import { CustomerMasterOutboxTombstones1796051000000 } from './1796051000000-outbox-tombstones';
import { CustomerPreferredLanguage1796062000001 } from './1796062000001-customer-preferred-language';
import { CustomerNamePrefixIndexes1796105000000 } from './1796105000000-customer-name-prefix-indexes';
import { WebConsentChannel1796240000000 } from './1796240000000-web-consent-channel';
import { EmailsIndexWithoutPendingList1796190000000 } from './1796190000000-emails-index-without-pending-list';
import { CustomerRegistrationKey1796250000000 } from './1796250000000-customer-registration-key';
import { CustomerMasterOutboxBatches1796270030000 } from './1796270030000-outbox-batches';

export const customerMasterMigrations = [
  CreateCustomerMasterSchema1764000000000,
  CreateImportJob1764000100000,
  ParkCustomerMasterDeadLetters1766000000000,
  CustomerMasterOutboxLeaseAndParking1766000100000,
  CreateCustomerMasterReadAudit1767000000000,
  RekeyCustomerMasterNames1796020400001,
  ImportJobHeartbeat1796020500000,
  CustomerMasterAggregateSequence1796050000000,
  CustomerMasterOutboxTombstones1796051000000,
  CustomerPreferredLanguage1796062000001,
  CustomerNamePrefixIndexes1796105000000,
  WebConsentChannel1796240000000,
  EmailsIndexWithoutPendingList1796190000000,
  CustomerRegistrationKey1796250000000,
  CustomerMasterOutboxBatches1796270030000,
];
