import { PartnerKind, Role } from '@crm/contracts';

/** A person who signs in with a password; never carries the password hash out of the repository. */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  partnerId: string | null;
  partnerKind: PartnerKind | null;
  active: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  roles: Role[];
  partnerId?: string;
  partnerKind?: PartnerKind;
}
