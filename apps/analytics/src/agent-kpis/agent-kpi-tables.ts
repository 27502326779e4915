/** The agent KPIs' projections, by role (analytics.<name>); the rebuild copies and swaps them with the others. */
export const AGENT_KPI_TABLE_NAMES = {
  agentInteraction: 'agent_interaction',
  agentComplaint: 'agent_complaint',
} as const;

/** The projections, each its own consumer, reading their topics together (ADR 0062). */
export const AGENT_KPI_CONSUMERS = {
  agentInteractions: 'agent-interactions',
  agentComplaints: 'agent-complaints',
} as const;

export type AgentKpiTables = Record<keyof typeof AGENT_KPI_TABLE_NAMES, string>;
