import { FiringInput, RenderedAction } from '../actions/workflow-action';

export const FIRING_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type FiringStatus = (typeof FIRING_STATUSES)[number];

/** One rule reacting to one event or one cron occurrence, created once (unique per rule and source). */
export interface NewFiring {
  firingId: string;
  ruleId: string;
  ruleVersion: number;
  /** The event id, or `cron:<scheduled time>`: with the rule id, what makes a firing happen once. */
  sourceKey: string;
  input: FiringInput;
  /** The rule's actions rendered for the input, as they will run. */
  actions: RenderedAction[];
  createdAt: Date;
}

export interface DueFiring {
  firingId: string;
  ruleId: string;
  actions: RenderedAction[];
  attempts: number;
}

/** One attempt as recorded: when, how long, the error (null: every action done) and each action's outcome. */
export interface FiringAttempt {
  attempt: number;
  at: string;
  durationMs: number | null;
  error: string | null;
  /** Per action, in order: done, failed (with why) or not reached; absent while the outcome is unknown. */
  actions?: { type: string; outcome: 'done' | 'failed' | 'not-reached'; error?: string }[];
}

export interface FiringView {
  firingId: string;
  ruleId: string;
  ruleVersion: number;
  sourceKey: string;
  input: FiringInput;
  actions: RenderedAction[];
  status: FiringStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  history: FiringAttempt[];
  createdAt: string;
  completedAt: string | null;
}
