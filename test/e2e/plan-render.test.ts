// `plan --format mermaid` drawn by the real Mermaid library in headless Chromium: test/e2e/plan.test.ts
// checks what Mermaid's parser understands; this checks what the browser actually lays out and paints.
// Without /usr/bin/chromium the tests are skipped, unless CI or SPECWRIGHT_REQUIRE_BROWSER is set: then
// they fail.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type Box,
  CHROMIUM,
  type DrawnFlowchart,
  type MermaidBrowser,
  openMermaidBrowser,
} from '../helpers/chromium.ts';
import { runCli } from '../helpers/cli.ts';
import { TELEPHONY_CHANGE as CHANGE, telephony } from '../helpers/telephony.ts';

const RENDER_TIMEOUT = 60_000;
const RED = 'rgb(221, 51, 51)';
const DONE_FILL = 'rgb(232, 245, 233)';
const MISSING = `no Chromium at ${CHROMIUM}: install it with "apt-get install chromium" to render the Mermaid plan`;

/** An environment flag that is set to something other than empty, 0 or false. */
function flag(name: string): boolean {
  const value = process.env[name];
  return value !== undefined && !['', '0', 'false'].includes(value.toLowerCase());
}
const required = flag('CI') || flag('SPECWRIGHT_REQUIRE_BROWSER');

interface PlanJson {
  tasks: { id: string; text: string; size?: string; done: boolean; after: string[]; wave: number }[];
  waves: { wave: number; tasks: string[]; progress: { done: number; total: number } }[];
  criticalPath: { tasks: string[] };
  resources: { name: string; waits: { task: string; behind: string }[] }[];
}

/** The renderer's node id for a task: `t` and the id with dots as underscores. */
const node = (id: string) => `t${id.replace(/\./g, '_')}`;

/** Mermaid's id for the arrow `from --> to`: `L_<from>_<to>_<n>`, n counting repeats of the pair. */
function edgeIds(pairs: [string, string][]): string[] {
  const seen = new Map<string, number>();
  return pairs.map(([from, to]) => {
    const key = `L_${node(from)}_${node(to)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return `${key}_${n}`;
  });
}

function inside(inner: Box, outer: Box): boolean {
  const slack = 1;
  return (
    inner.left >= outer.left - slack &&
    inner.top >= outer.top - slack &&
    inner.right <= outer.right + slack &&
    inner.bottom <= outer.bottom + slack
  );
}

describe('specwright plan --format mermaid rendered in headless Chromium', () => {
  let browser: MermaidBrowser | undefined;
  let rendered: Promise<{ plan: PlanJson; text: string; svg: string; drawn: DrawnFlowchart }> | undefined;

  beforeAll(async () => {
    if (existsSync(CHROMIUM)) browser = await openMermaidBrowser(CHROMIUM);
    else if (!required) console.warn(`skipping the Mermaid render tests: ${MISSING}`);
  }, RENDER_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(({ skip }) => {
    if (browser !== undefined) return;
    if (required) throw new Error(`${MISSING} (required: CI or SPECWRIGHT_REQUIRE_BROWSER is set)`);
    skip(MISSING);
  });

  /** The telephony plan as JSON and as Mermaid, rendered and inspected once for all the tests. */
  function telephonyRendered() {
    rendered ??= (async () => {
      const root = telephony();
      const json = runCli(root, ['plan', CHANGE, '--json']);
      const mermaid = runCli(root, ['plan', CHANGE, '--format', 'mermaid']);
      expect(json.code).toBe(0);
      expect(mermaid.code).toBe(0);
      expect(mermaid.stderr).toBe('');
      const svg = await (browser as MermaidBrowser).render(mermaid.stdout);
      const drawn = await (browser as MermaidBrowser).inspect(svg);
      return { plan: json.json() as unknown as PlanJson, text: mermaid.stdout, svg, drawn };
    })();
    return rendered;
  }

  it(
    'draws one node per task inside its wave cluster, and every dependency and resource wait',
    async () => {
      const { plan, svg, drawn } = await telephonyRendered();
      expect(svg).toMatch(/^<svg [^>]*aria-roledescription="flowchart-v2"/);
      expect(drawn.width).toBeGreaterThan(0);
      expect(drawn.height).toBeGreaterThan(0);

      expect(plan.tasks).toHaveLength(25);
      expect(drawn.nodes.map((n) => n.id).sort()).toEqual(plan.tasks.map((t) => node(t.id)).sort());
      const byId = new Map(drawn.nodes.map((n) => [n.id, n]));
      for (const t of plan.tasks) {
        const n = byId.get(node(t.id));
        const label = `${t.done ? '✓ ' : ''}${t.id} ${t.text}${t.size ? ` (${t.size})` : ''}`;
        expect(n?.text, `label of ${t.id}`).toBe(label);
        expect(n && n.box.right - n.box.left, `width of ${t.id}`).toBeGreaterThan(0);
      }

      expect(plan.waves).toHaveLength(10);
      expect(drawn.clusters.map((c) => c.id).sort()).toEqual(plan.waves.map((w) => `wave${w.wave}`).sort());
      for (const w of plan.waves) {
        const cluster = drawn.clusters.find((c) => c.id === `wave${w.wave}`);
        expect(cluster?.text).toBe(`Wave ${w.wave} (${w.progress.done}/${w.progress.total} done)`);
        for (const id of w.tasks) {
          const n = byId.get(node(id));
          expect(n && cluster && inside(n.box, cluster.box), `${id} drawn inside wave ${w.wave}`).toBe(true);
        }
      }

      const dependencies = plan.tasks.flatMap((t) => t.after.map((dep): [string, string] => [dep, t.id]));
      const waits = plan.resources.flatMap((r) => r.waits.map((w): [string, string] => [w.behind, w.task]));
      expect([dependencies.length, waits.length]).toEqual([33, 5]);
      const expected = edgeIds([...dependencies, ...waits]);
      expect(drawn.edges).toHaveLength(dependencies.length + waits.length);
      expect(drawn.edges.map((e) => e.id).sort()).toEqual([...expected].sort());
      for (const e of drawn.edges) expect(e.length, `length of ${e.id}`).toBeGreaterThan(0);
      expect(
        drawn.edges
          .filter((e) => e.dotted)
          .map((e) => e.id)
          .sort(),
      ).toEqual(expected.slice(dependencies.length).sort());
      expect(drawn.edgeLabels.sort()).toEqual(
        plan.resources.flatMap((r) => r.waits.map(() => `waits for ${r.name}`)).sort(),
      );
    },
    RENDER_TIMEOUT,
  );

  it(
    'paints the critical path red: its tasks carry the critical class, its arrows a red stroke',
    async () => {
      const { plan, drawn } = await telephonyRendered();
      const path = plan.criticalPath.tasks;
      expect(path).toEqual(['1.1', '1.3', '2.2', '4.1', '4.2', '4.4', '6.4', '6.5']);

      const critical = drawn.nodes.filter((n) => n.classes.includes('critical'));
      expect(critical.map((n) => n.id).sort()).toEqual(path.map(node).sort());
      for (const n of drawn.nodes) {
        expect(n.stroke === RED, `stroke of ${n.id}`).toBe(n.classes.includes('critical'));
      }

      const done = plan.tasks.filter((t) => t.done).map((t) => node(t.id));
      expect(done).toEqual(['t1_1', 't1_2']);
      for (const n of drawn.nodes) {
        expect(n.classes.includes('done'), `done class of ${n.id}`).toBe(done.includes(n.id));
        expect(n.fill === DONE_FILL, `fill of ${n.id}`).toBe(done.includes(n.id));
      }

      const red = drawn.edges.filter((e) => e.stroke === RED).map((e) => e.id);
      const pairs = path.slice(1).map((id, i): [string, string] => [path[i] as string, id]);
      expect(red.sort()).toEqual(edgeIds(pairs).sort());
    },
    RENDER_TIMEOUT,
  );

  it(
    "rejects a deliberately broken diagram with Mermaid's parse error",
    async () => {
      const { text } = await telephonyRendered();
      const broken = text.replace(' --> ', ' --> --> ');
      expect(broken).not.toBe(text);
      await expect((browser as MermaidBrowser).render(broken)).rejects.toThrow(/Parse error on line \d+/);
      const unclosed = text.replace(/\n {2}end\n(?![\s\S]*\n {2}end\n)/, '\n');
      expect(unclosed).not.toBe(text);
      await expect((browser as MermaidBrowser).render(unclosed)).rejects.toThrow(/Parse error/);
    },
    RENDER_TIMEOUT,
  );
});
