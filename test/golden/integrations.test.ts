// Golden files and format checks for every tool x delivery, rendered through the same code path init uses.
// Regenerate the golden files after an intended change: npx vitest run -u test/golden

import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { loadSources } from '../../src/app/integrations-project.ts';
import { type DesiredFile, planFiles } from '../../src/domain/tools/plan-files.ts';
import { contentHash, readStamp } from '../../src/domain/tools/stamp.ts';
import { TOOLS, type ToolId, type ToolRow } from '../../src/domain/tools/tools.ts';
import { splitFrontmatter } from '../../src/domain/tools/workflow-source.ts';
import { CORE_WORKFLOWS, DELIVERIES, type Delivery, WORKFLOW_IDS } from '../../src/domain/tools/workflows.ts';

const VERSION = '0.0.0-golden';

function render(tool: ToolId, delivery: Delivery, workflows = CORE_WORKFLOWS): DesiredFile[] {
  return planFiles({ tools: [tool], workflows, delivery }, loadSources(), VERSION);
}

/**
 * Every path of the core profile with the hash of its text; for delivery `both` also the full text of the
 * `apply` files and of the instructions block (the other deliveries differ only in invocations).
 */
function golden(files: readonly DesiredFile[], delivery: Delivery): string {
  const list = files.map((f) => `${f.path} (${f.kind}) ${contentHash(f.content).slice(0, 16)}`);
  const parts = [`# files\n${list.join('\n')}\n`];
  if (delivery === 'both') {
    for (const f of files.filter((f) => f.workflow === 'apply' || f.kind === 'block'))
      parts.push(`# ${f.path}\n${f.content}`);
  }
  return parts.join('\n');
}

const CASES = TOOLS.flatMap((t) => DELIVERIES.map((d) => [t.id, d] as const));

describe.each(CASES)('%s, delivery %s', (tool, delivery) => {
  it('matches its golden file', async () => {
    await expect(golden(render(tool, delivery), delivery)).toMatchFileSnapshot(
      `files/${tool}.${delivery}.txt`,
    );
  });
});

const NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function checkSkill(f: DesiredFile): void {
  const { data, body } = splitFrontmatter(f.content);
  const fm = data as Record<string, unknown>;
  const folder = f.path.split('/').at(-2);
  expect(fm.name, f.path).toBe(folder);
  expect(fm.name).toMatch(NAME);
  expect((fm.name as string).length).toBeLessThanOrEqual(64);
  expect(typeof fm.description).toBe('string');
  expect((fm.description as string).length).toBeGreaterThan(20);
  expect((fm.description as string).length).toBeLessThanOrEqual(1024);
  expect(Object.keys(fm).sort()).toEqual(['compatibility', 'description', 'name']);
  expect(body.trim()).not.toBe('');
}

function checkCommand(t: ToolRow, f: DesiredFile): void {
  const format = t.commands?.format;
  if (format === 'toml-prompt') {
    const toml = parseToml(f.content) as Record<string, unknown>;
    expect(Object.keys(toml).sort()).toEqual(['description', 'prompt']);
    expect(toml.prompt).toContain('specwright');
    expect(toml.prompt).toContain(t.commands?.args ?? '');
    return;
  }
  if (format === 'md-heading') {
    expect(f.content).toMatch(/^# \S.*\n\n\S/);
    expect(f.content.startsWith('---')).toBe(false);
    return;
  }
  const fm = splitFrontmatter(f.content).data as Record<string, unknown>;
  const expected = {
    'md-description': ['description'],
    'md-arguments': ['argument-hint', 'description'],
    'prompt-invokable': ['description', 'invokable', 'name'],
  }[format as string];
  expect(Object.keys(fm).sort(), f.path).toEqual(expected);
  expect(typeof fm.description).toBe('string');
  if (format === 'prompt-invokable')
    expect(fm).toMatchObject({ invokable: true, name: f.path.match(/(sw-[a-z-]+)\.prompt$/)?.[1] });
}

describe.each(TOOLS.map((t) => [t.id, t as ToolRow] as const))('%s: format of every workflow', (id, t) => {
  const files = render(id, 'both', WORKFLOW_IDS);

  it('has parseable files with the required fields, stamped and fully filled', () => {
    for (const f of files) {
      expect(readStamp(f.content).state, f.path).toBe('pristine');
      const leftover = f.content.replace(/\{\{args\}\}/g, '').match(/\{\{[^}]*\}\}/);
      expect(leftover, f.path).toBeNull();
      if (f.kind === 'skill') checkSkill(f);
      else if (f.kind === 'command') checkCommand(t, f);
      else expect(f.content).toContain('## Specwright');
    }
  });

  it('renders every workflow for each surface it has', () => {
    const kinds = files.filter((f) => f.kind !== 'block');
    expect(kinds).toHaveLength(WORKFLOW_IDS.length * (t.commands ? 2 : 1));
  });
});
