import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { parseFlowchart } from '../helpers/mermaid.ts';
import { TELEPHONY_CHANGE as CHANGE, telephony } from '../helpers/telephony.ts';

/** The waves the fixture's dependencies and shared resources (cdk-deploy, dashboard-routes) imply. */
const WAVES = [
  ['1.1'],
  ['1.2', '1.3'],
  ['2.1', '2.4', '6.3'],
  ['2.2'],
  ['2.3', '4.1'],
  ['3.1', '4.2', '4.3', '4.5', '5.1'],
  ['3.2', '3.3', '4.4', '5.2', '6.1'],
  ['3.4', '5.3', '6.2'],
  ['5.4', '6.4'],
  ['6.5'],
];
const CRITICAL = ['1.1', '1.3', '2.2', '4.1', '4.2', '4.4', '6.4', '6.5'];

interface PlanJson {
  change: string;
  usesMetadata: boolean;
  tasks: { id: string; wave: number; size: string; done: boolean; covers: string[] }[];
  waves: { wave: number; tasks: string[]; progress: { done: number; total: number } }[];
  criticalPath: { tasks: string[]; length: number };
  resources: { name: string; tasks: string[]; waits: { task: string; behind: string; wave: number }[] }[];
  phases: { heading: string; tasks: string[] }[];
  progress: { done: number; total: number };
  issues: unknown[];
  valid: boolean;
}

describe('specwright plan on the telephony fixture', () => {
  it('prints the exact waves, critical path, resource waits and progress as JSON', () => {
    const r = runCli(telephony(), ['plan', CHANGE, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const plan = r.json() as unknown as PlanJson;
    expect(plan.waves.map((w) => w.tasks)).toEqual(WAVES);
    expect(plan.criticalPath).toEqual({ tasks: CRITICAL, length: 39 });
    expect(plan.resources).toEqual([
      {
        name: 'cdk-deploy',
        tasks: ['2.1', '2.2', '2.3', '3.1'],
        waits: [
          { task: '2.2', behind: '2.1', wave: 3 },
          { task: '2.3', behind: '2.2', wave: 4 },
          { task: '3.1', behind: '2.3', wave: 5 },
        ],
      },
      {
        name: 'dashboard-routes',
        tasks: ['5.2', '5.3', '5.4'],
        waits: [
          { task: '5.3', behind: '5.2', wave: 7 },
          { task: '5.4', behind: '5.3', wave: 8 },
        ],
      },
    ]);
    expect(plan.phases.map((p) => p.heading)).toEqual([
      '1. Setup',
      '2. Foundation',
      '3. Connect',
      '4. Voice agent',
      '5. Dashboard',
      '6. Integration and quality',
    ]);
    expect(plan.waves.slice(0, 2).map((w) => w.progress)).toEqual([
      { done: 1, total: 1 },
      { done: 1, total: 2 },
    ]);
    expect(plan.progress).toEqual({ done: 2, total: 25 });
    expect(plan).toMatchObject({ change: CHANGE, usesMetadata: true, issues: [], valid: true });
  });

  it('weighs sizes with plan.weights from openspec/config.yaml', () => {
    const root = telephony();
    const config = join(root, 'openspec/config.yaml');
    const base = existsSync(config) ? readFileSync(config, 'utf8') : 'schema: spec-driven\n';
    writeFileSync(
      config,
      `${base}plan:\n  weights:\n    XS: 1\n    S: 1\n    M: 1\n    L: 1\n    XL: 1\n    unsized: 1\n`,
    );
    const plan = runCli(root, ['plan', CHANGE, '--json']).json() as unknown as PlanJson;
    // With every size weighing 1 the critical path is the longest chain by task count.
    expect(plan.criticalPath.length).toBe(plan.criticalPath.tasks.length);
    expect(plan.criticalPath.length).toBeLessThan(39);
  });

  it('prints waves with done marks, waits, the critical path and its length as text', () => {
    const r = runCli(telephony(), ['plan', CHANGE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('25 tasks in 10 waves, 2/25 done (8%)');
    expect(r.stdout).toContain(
      'Wave 4  0/1 done\n  ○ 2.2*  AiStack: AI Conversation Lambda and Bedrock access  M  waited in wave 3 for 2.1 (cdk-deploy)\n',
    );
    expect(r.stdout).toContain('  ✓ 1.1*  Scaffold the projects/telephony workspace  XS\n');
    expect(r.stdout).toContain(
      'Critical path (* above): 1.1 → 1.3 → 2.2 → 4.1 → 4.2 → 4.4 → 6.4 → 6.5\n  length 39',
    );
    expect(r.stdout).toMatch(/No issues\.\n$/);
  });

  it('prints a Mermaid flowchart that Mermaid parses into one subgraph per wave, critical path styled', async () => {
    const r = runCli(telephony(), ['plan', CHANGE, '--format', 'mermaid']);
    expect(r.code).toBe(0);
    const flow = await parseFlowchart(r.stdout);
    expect(flow.subgraphs.map((s) => [...s.nodes].sort())).toEqual(
      WAVES.map((w) => w.map((id) => `t${id.replace('.', '_')}`).sort()),
    );
    const styled = flow.edges.filter((e) => (e.style ?? []).some((s) => s.includes('#d33')));
    const pairs = CRITICAL.slice(1).map(
      (id, i) => `t${CRITICAL[i]?.replace('.', '_')}>t${id.replace('.', '_')}`,
    );
    expect(styled.map((e) => `${e.start}>${e.end}`).sort()).toEqual(pairs.sort());
    expect(flow.edges.filter((e) => e.stroke === 'dotted')).toHaveLength(5);
  });

  it('prints a Graphviz digraph with one cluster per wave', () => {
    const r = runCli(telephony(), ['plan', CHANGE, '--format', 'dot']);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/subgraph "cluster_wave\d+"/g)).toHaveLength(10);
    expect(r.stdout).toContain('"2.2" -> "4.1" [color="#d33", penwidth=2];');
  });

  it('passes validate --all --strict', () => {
    const r = runCli(telephony(), ['validate', '--all', '--strict', '--json']);
    const doc = r.json() as { summary: { totals: { items: number; failed: number } } };
    expect(doc.summary.totals).toEqual({ items: 7, passed: 7, failed: 0 });
    expect(r.code).toBe(0);
  });
});

describe('specwright plan failures', () => {
  it('exits 1 on a cycle, with the cycle in the issues; validate reports it in tasks.md', () => {
    const root = telephony();
    const tasks = join(root, 'openspec/changes', CHANGE, 'tasks.md');
    writeFileSync(tasks, '## 1. A\n- [ ] 1.1 a [after: 1.2]\n- [ ] 1.2 b [after: 1.1]\n- [ ] 1.3 c\n');
    const r = runCli(root, ['plan', CHANGE, '--json']);
    expect(r.code).toBe(1);
    const plan = r.json() as unknown as PlanJson & { unscheduled: string[] };
    expect(plan.valid).toBe(false);
    expect(plan.unscheduled).toEqual(['1.1', '1.2']);
    expect(plan.issues).toContainEqual(
      expect.objectContaining({
        rule: 'plan_cycle',
        line: 2,
        message: expect.stringContaining('1.1 → 1.2 → 1.1'),
      }),
    );
    const text = runCli(root, ['plan', CHANGE, '--format', 'mermaid']);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^flowchart LR\n/);
    expect(text.stderr).toContain('[plan_cycle]');
    const v = runCli(root, ['validate', CHANGE]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`openspec/changes/${CHANGE}/tasks.md`);
    expect(v.stdout).toContain('line 2  Tasks depend on each other in a circle: 1.1 → 1.2 → 1.1');
  });

  it('fails with one JSON document for an unknown change, and usage errors exit 2', () => {
    const root = telephony();
    const r = runCli(root, ['plan', 'nope', '--json']);
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ change: null, waves: [], status: [{ code: 'unknown_change' }] });
    expect(runCli(root, ['plan', CHANGE, '--format', 'svg']).code).toBe(2);
  });

  it('hints on stderr when tasks.md has no metadata', () => {
    const root = telephony();
    writeFileSync(join(root, 'openspec/changes', CHANGE, 'tasks.md'), '- [ ] 1.1 a\n- [ ] 1.2 b\n');
    const r = runCli(root, ['plan', CHANGE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wave 1  0/2 done');
    expect(r.stderr).toContain('no task metadata');
  });
});
