import { AsyncLocalStorage } from 'node:async_hooks';

/** Time is injected so SLA and scheduling logic can be tested without sleeping. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

export class FixedClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(milliseconds: number): void {
    this.current = new Date(this.current.getTime() + milliseconds);
  }
}

interface Trip {
  instant: Date;
  over: boolean;
}

/**
 * The system clock, except for the work run by `at(instant, work)`: what that work does, and only that, reads
 * `instant`, so the embedded demo writes its past months through the services' own code (ADR 0058). A timer or loop
 * that work happened to start reads the system clock again once the work is over.
 */
export class BackdatingClock extends Clock {
  private readonly trips = new AsyncLocalStorage<Trip>();

  now(): Date {
    const trip = this.trips.getStore();
    return trip && !trip.over ? new Date(trip.instant) : new Date();
  }

  async at<T>(instant: Date, work: () => Promise<T>): Promise<T> {
    const trip = { instant, over: false };
    try {
      return await this.trips.run(trip, work);
    } finally {
      trip.over = true;
    }
  }
}
