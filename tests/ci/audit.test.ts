import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Issue 17: CI's dependency audit (.ci/audit, called from .ci/run) fails on a high or critical
// advisory in a production dependency, and says so and goes on when the registry cannot answer.
// A stand-in `npm` on PATH plays the registry's three answers.

const dir = mkdtempSync(join(tmpdir(), 'ci-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runAudit(report: unknown, npmExit: number) {
  const fixture = join(dir, 'report.json');
  writeFileSync(fixture, typeof report === 'string' ? report : JSON.stringify(report));
  const npm = join(dir, 'npm');
  writeFileSync(npm, `#!/bin/sh\necho "$@" > "${join(dir, 'args')}"\ncat "${fixture}"\nexit ${npmExit}\n`);
  chmodSync(npm, 0o755);
  const result = spawnSync('.ci/audit', { env: { ...process.env, PATH: `${dir}${delimiter}${process.env.PATH}` }, encoding: 'utf8' });
  const args = spawnSync('cat', [join(dir, 'args')], { encoding: 'utf8' }).stdout;
  return { status: result.status, output: result.stdout + result.stderr, args };
}

const counts = (high: number, critical: number, moderate = 0) => ({
  info: 0,
  low: 0,
  moderate,
  high,
  critical,
  total: high + critical + moderate,
});

describe('.ci/audit', () => {
  it('asks npm about production dependencies only, at the high level', () => {
    const { args } = runAudit({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 0) } }, 0);
    expect(args.trim()).toBe('audit --omit=dev --audit-level=high --json');
  });

  it('passes when no high or critical advisory exists (lower ones are reported, not fatal)', () => {
    const { status, output } = runAudit(
      {
        auditReportVersion: 2,
        vulnerabilities: { lodash: { name: 'lodash', severity: 'moderate', via: [] } },
        metadata: { vulnerabilities: counts(0, 0, 1) },
      },
      0,
    );
    expect(status).toBe(0);
    expect(output).toMatch(/no high or critical advisory .*\(1 lower\)/);
  });

  it('fails on a high or critical advisory, naming the package', () => {
    const report = {
      auditReportVersion: 2,
      vulnerabilities: {
        'fast-xml-parser': {
          name: 'fast-xml-parser',
          severity: 'critical',
          range: '<4.4.1',
          via: [{ title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-demo' }],
          fixAvailable: true,
        },
      },
      metadata: { vulnerabilities: counts(0, 1) },
    };
    const { status, output } = runAudit(report, 1);
    expect(status).toBe(1);
    expect(output).toContain('1 critical and 0 high');
    expect(output).toContain(
      'critical: fast-xml-parser <4.4.1 — Prototype pollution https://github.com/advisories/GHSA-demo (fix available',
    );
  });

  it('says so and goes on when the registry cannot answer', () => {
    const unreachable = {
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    };
    const first = runAudit(unreachable, 1);
    expect(first.status).toBe(0);
    expect(first.output).toMatch(/registry could not answer \(405 Method Not Allowed/);
    const offline = runAudit(
      { error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org failed, reason: getaddrinfo ENOTFOUND', detail: '' } },
      1,
    );
    expect(offline.status).toBe(0);
    expect(offline.output).toMatch(/registry could not answer \(request to .* ENOTFOUND\)/);
    const nothing = runAudit('', 1);
    expect(nothing.status).toBe(0);
    expect(nothing.output).toMatch(/registry could not answer \(npm audit exited 1 with no report\)/);
  });
});
