import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's one Chromium listens; launchBrowser() connects to it. */
    chromiumWsEndpoint: string;
  }
}

/**
 * Starts one headless Chromium for the whole run instead of one per test file: each launch
 * costs seconds of CPU on a two-core machine. Test files connect to it and get contexts (cookies,
 * storage) of their own, so they stay independent.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await chromium.launchServer({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
  project.provide('chromiumWsEndpoint', server.wsEndpoint());
  return async () => {
    await server.close();
  };
}
