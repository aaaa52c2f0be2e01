// `plan` on the telephony project as a research-driven change: the telephony fixture with the
// telephony-research overlay (scratchpads, design with risks, analysis.md, tasks naming files).
import { appendFileSync, cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { makeTree } from '../helpers/temp-tree.ts';
import { type Json, json } from './workflow-journey.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const CHANGE = 'build-telephony-platform';
const DIR = `openspec/changes/${CHANGE}`;

function telephonyResearch(): string {
  const root = makeTree();
  cpSync(join(FIXTURES, 'telephony'), root, { recursive: true });
  cpSync(join(FIXTURES, 'telephony-research'), root, { recursive: true });
  return root;
}

const RISKS = [
  {
    level: 'HIGH',
    text: "Bedrock answers slower than Connect's 8-second Lambda limit",
    mitigation:
      'Cache agent config in module scope, keep conversation payloads small, play a fallback on timeout',
    file: `${DIR}/design.md`,
    line: 28,
  },
  {
    level: 'HIGH',
    text: 'Connect needs the Lambda ARN while the Lambda needs the instance ARN',
    mitigation: 'Deploy AiStack first; the instance alias stands in',
    file: `${DIR}/research/decomposition.md`,
    line: 10,
  },
  {
    level: 'MEDIUM',
    text: 'The single table misses an access pattern found later',
    mitigation: 'List every access pattern before creating the table',
    file: `${DIR}/design.md`,
    line: 29,
  },
  {
    level: 'MEDIUM',
    text: 'Webhook consumers reject unsigned retries',
    mitigation: 'Sign every attempt, retries included',
    file: `${DIR}/research/decomposition.md`,
    line: 11,
  },
  {
    level: 'LOW',
    text: 'Management account OUs drift from the code',
    mitigation: 'Change them only through lib/organization-units.ts',
    file: `${DIR}/design.md`,
    line: 30,
  },
  {
    level: 'LOW',
    text: 'Dashboard routes conflict when built in parallel',
    mitigation: 'Tag route tasks [uses: dashboard-routes]',
    file: `${DIR}/research/decomposition.md`,
    line: 12,
  },
];

describe('plan on the research-driven telephony change', () => {
  it('lists the risk register and every manifest entry with the tasks naming it, without issues', () => {
    const plan = json(telephonyResearch(), ['plan', CHANGE]);
    expect(plan).toMatchObject({ valid: true, issues: [], progress: { done: 2, total: 25 } });
    expect(plan.criticalPath).toEqual({
      tasks: ['1.1', '1.3', '2.2', '4.1', '4.2', '4.4', '6.4', '6.5'],
      length: 39,
    });
    expect(plan.risks).toEqual(RISKS);
    const m = plan.manifest;
    expect(m.file).toBe(`${DIR}/analysis.md`);
    expect(m.unlisted).toEqual([]);
    expect(new Set(m.entries.map((e: Json) => e.package))).toEqual(
      new Set([
        'Repository root',
        '@dawalnut/telephony-shared',
        'projects/telephony/infra',
        'projects/telephony/dashboard',
        'projects/management',
      ]),
    );
    expect(m.entries).toHaveLength(25);
    expect(m.entries.every((e: Json) => e.touched)).toBe(true);
    expect(m.entries.find((e: Json) => e.path === 'src/schemas.ts')).toEqual({
      package: '@dawalnut/telephony-shared',
      path: 'src/schemas.ts',
      line: 20,
      notes: [
        '22 Zod schemas covering all domain entities',
        'Discriminated unions for message roles and webhook auth types',
        'E.164 phone number validation',
      ],
      tasks: ['1.3'],
      touched: true,
    });
    const byPath = (p: string) => m.entries.find((e: Json) => e.path === p).tasks;
    expect(byPath('pnpm-workspace.yaml')).toEqual(['1.2']);
    expect(byPath('src/index.ts')).toEqual(['1.3']);
    expect(byPath('bin/app.ts')).toEqual(['2.2']);
    expect(byPath('src/routes/agents.$agentId.tsx')).toEqual(['5.3']);
    expect(byPath('lib/organization-units.ts')).toEqual(['6.3']);
  });

  it('prints the register and a manifest summary as text', () => {
    const r = runCli(telephonyResearch(), ['plan', CHANGE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `\nRisk register\n  HIGH    Bedrock answers slower than Connect's 8-second Lambda limit → Cache agent config`,
    );
    expect(r.stdout).toContain(
      `  LOW     Dashboard routes conflict when built in parallel → Tag route tasks [uses: dashboard-routes]  ${DIR}/research/decomposition.md:12\n`,
    );
    expect(r.stdout).toContain(
      `\nManifest  ${DIR}/analysis.md\n  25 files in 5 packages; 25 named by tasks, 0 not; 0 task file references missing from it\n`,
    );
    expect(r.stdout).toMatch(/No issues\.\n$/);
  });

  it('warns about a task file missing from the manifest, an untouched entry and an unmitigated HIGH risk', () => {
    const root = telephonyResearch();
    const tasks = join(root, DIR, 'tasks.md');
    writeFileSync(
      tasks,
      readFileSync(tasks, 'utf8').replace('`lambda/webhooks/sign.ts`', '`lambda/webhooks/hmac.ts`'),
    );
    appendFileSync(join(root, DIR, 'research/decomposition.md'), '- [HIGH] Bedrock quotas per account\n');
    const plan = json(root, ['plan', CHANGE]);
    expect(plan.valid).toBe(true);
    expect(plan.issues.map((i: Json) => [i.level, i.rule, i.file, i.line])).toEqual([
      ['WARNING', 'manifest_unlisted_file', `${DIR}/tasks.md`, 42],
      ['WARNING', 'manifest_untouched_entry', `${DIR}/analysis.md`, 66],
      ['WARNING', 'risk_without_mitigation', `${DIR}/research/decomposition.md`, 13],
    ]);
    expect(plan.manifest.unlisted).toEqual([{ path: 'lambda/webhooks/hmac.ts', task: '6.2', line: 42 }]);
    const v = runCli(root, ['validate', CHANGE, '--json']);
    expect(v.code).toBe(0);
    const issues = (v.json() as Json).items[0].issues;
    expect(issues.map((i: Json) => i.rule)).toEqual(['risk_without_mitigation']);
    expect(runCli(root, ['validate', CHANGE, '--strict']).code).toBe(1);
  });
});

describe('status and instructions on the research-driven telephony change', () => {
  it('lists the seven scratchpads and hands them to the tasks instructions', () => {
    const root = telephonyResearch();
    const s = json(root, ['status', '--change', CHANGE]);
    expect(s.schema).toMatchObject({ name: 'research-driven', source: 'package' });
    expect(s.artifacts.every((a: Json) => a.status === 'done')).toBe(true);
    expect(s.scratchpads.map((p: Json) => p.kind)).toEqual([
      'architecture',
      'business-analysis',
      'code-explorer',
      'decomposition',
      'parallelization',
      'qa',
      'technical-research',
    ]);
    const i = json(root, ['instructions', 'tasks', '--change', CHANGE]);
    expect(i.scratchpads.map((p: Json) => p.path)).toEqual(s.scratchpads.map((p: Json) => p.path));
  });

  it('passes validate --all --strict', () => {
    const r = runCli(telephonyResearch(), ['validate', '--all', '--strict', '--json']);
    expect((r.json() as Json).summary.totals).toEqual({ items: 7, passed: 7, failed: 0 });
    expect(r.code).toBe(0);
  });
});
