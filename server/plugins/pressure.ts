import underPressure from '@fastify/under-pressure';
import fp from 'fastify-plugin';

/** When the process counts as overloaded. Zero turns a check off. */
export interface PressureLimits {
  /** Mean event-loop delay, in milliseconds, over one sample. */
  maxEventLoopDelay: number;
  maxHeapUsedBytes: number;
  /** How often the process is measured, in milliseconds. */
  sampleInterval: number;
}

/** The limits, and an outside condition that also counts as overload (under-pressure's own hook). */
export interface PressureOptions extends Partial<PressureLimits> {
  /** Resolves false while the service should shed load; asked every `healthCheckInterval` ms. */
  healthCheck?: () => Promise<boolean>;
  healthCheckInterval?: number;
}

/** Every check off: under-pressure then adds no hook at all. Tests run with this. */
export const PRESSURE_OFF: PressureLimits = { maxEventLoopDelay: 0, maxHeapUsedBytes: 0, sampleInterval: 1000 };

/**
 * A busy server is not an overloaded one: 200 connections of scorecard reads on two shared
 * cores keep the event loop's mean delay well under a second (bench/RESULTS.md). A loop
 * stalled for a whole second means every reader already waits longer than they would for a
 * "busy, retry" answer, so that is where load is shed; and a heap near its end sheds load
 * before the process dies. The heap limit sits well above the 200 MB the load benchmark
 * targets and below what V8 allows on a small server.
 */
export const DEFAULT_PRESSURE_LIMITS: PressureLimits = {
  maxEventLoopDelay: 1000,
  maxHeapUsedBytes: 512 * 1024 * 1024,
  sampleInterval: 1000,
};

/** Seconds a client (or a partner page's widget) should wait before asking again. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Overload answers 503 with Retry-After instead of queueing requests until the process
 * collapses: the error handler turns under-pressure's error into the usual JSON shape.
 */
export default fp<PressureOptions>(
  async (fastify, opts) => {
    const limits = { ...DEFAULT_PRESSURE_LIMITS, ...opts };
    await fastify.register(underPressure, {
      ...limits,
      retryAfter: RETRY_AFTER_SECONDS,
      message: 'The service is busy; please retry shortly',
    });
  },
  { name: 'pressure', dependencies: ['errors'] },
);
