export const Roles = {
  admin: 'admin',
  agent: 'agent',
  salesRep: 'sales_rep',
  salesManager: 'sales_manager',
  marketer: 'marketer',
  analyst: 'analyst',
  serviceManager: 'service_manager',
  dealer: 'dealer',
  repairStation: 'repair_station',
  /** Answers people's data requests: exports, erasures and who read their data (without being admin). */
  privacyOfficer: 'privacy_officer',
  /** The billing system: acknowledges the offers it receives (integration, ADR 0043); reads no customer. */
  billing: 'billing',
  /** An ERP system: receives events through its own subscriptions (invoices, payments; ADR 0054); reads no customer. */
  erp: 'erp',
} as const;
export type Role = (typeof Roles)[keyof typeof Roles];
export const ALL_ROLES = Object.values(Roles) as Role[];

/** Roles held by partner principals: they carry a partner id and see only records linked to it. */
export const PARTNER_ROLES: readonly Role[] = [Roles.dealer, Roles.repairStation];
/** Back-office systems calling with a role of their own: neither staff nor partners (identity's system clients). */
export const SYSTEM_ROLES = [Roles.billing, Roles.erp] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];
/** Internal staff who may read any customer. */
export const STAFF_ROLES: readonly Role[] = ALL_ROLES.filter(
  (role) => !PARTNER_ROLES.includes(role) && !(SYSTEM_ROLES as readonly Role[]).includes(role),
);
/** Who may export or erase a person's data and read the audit of who saw it (admin always may). */
export const PRIVACY_ROLES: readonly Role[] = [Roles.privacyOfficer];
