/** A member of the sales tree, keyed by the identity user id (`sub`). */
export interface SalesUser {
  userId: string;
  name: string;
  managerId: string | null;
}

/** A member as seen from a manager: how far below them, and how many report to them directly. */
export interface TeamMember extends SalesUser {
  depth: number;
  directReports: number;
}
