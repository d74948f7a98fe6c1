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

/**
 * A busy server keeps answering fast reads: 200 connections of scorecard reads keep the
 * loop's mean delay in single milliseconds (bench/RESULTS.md), so only a loop that is truly
 * stuck, or a heap about to run out, sheds load. The heap limit sits well above the 200 MB
 * the load benchmark targets and well below what V8 allows on a small server.
 */
export const DEFAULT_PRESSURE_LIMITS: PressureLimits = {
  maxEventLoopDelay: 500,
  maxHeapUsedBytes: 512 * 1024 * 1024,
  sampleInterval: 1000,
};

/** Seconds a client (or a partner page's widget) should wait before asking again. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Overload answers 503 with Retry-After instead of queueing requests until the process
 * collapses: the error handler turns under-pressure's error into the usual JSON shape.
 */
export default fp<Partial<PressureLimits>>(
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
