/** How the service app's records are linked to partners, by name in `@PartnerScoped`. */
export const PartnerScopes = {
  /** A ticket currently assigned to the calling station. */
  assignedTicket: 'ticket',
  /** A ticket about a vehicle the calling dealer sold. */
  soldTicket: 'sold-ticket',
  station: 'station',
} as const;
