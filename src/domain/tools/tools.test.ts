import { describe, expect, it } from 'vitest';
import { parseToolList } from './parse-tool-list.ts';
import { allManagedPaths, commandPath, invocationOf, skillPath, surfacesOf } from './plan-files.ts';
import {
  COMMAND_FORMATS,
  findTool,
  isSharedSkillsDir,
  lookupTool,
  TOOL_IDS,
  TOOLS,
  type ToolRow,
} from './tools.ts';
import { skillName, WORKFLOW_IDS } from './workflows.ts';

const REQUIRED = [
  'claude',
  'cursor',
  'github-copilot',
  'codex',
  'gemini',
  'windsurf',
  'opencode',
  'kiro',
  'amazon-q',
  'cline',
  'roocode',
  'kilocode',
  'continue',
  'qwen',
  'crush',
  'factory',
  'auggie',
  'trae',
  'junie',
  'agents',
];

/** A project-relative POSIX path: no absolute paths, `~`, `..`, `.` segments, backslashes or empty segments. */
function isProjectRelative(path: string): boolean {
  return (
    !/^([/~]|[A-Za-z]:)/.test(path) &&
    !path.includes('\\') &&
    path.split('/').every((s) => s !== '' && s !== '.' && s !== '..')
  );
}

describe('tool table', () => {
  it('covers every required assistant with unique ids and aliases', () => {
    for (const id of REQUIRED) expect(TOOL_IDS).toContain(id);
    const names = TOOLS.flatMap((t) => [t.id, ...t.aliases]);
    expect(new Set(names).size).toBe(names.length);
    for (const t of TOOLS) expect(t.id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it.each(TOOLS.map((t) => [t.id, t as ToolRow]))('%s: every path stays inside the project', (_id, t) => {
    const paths = [t.skills.dir, ...t.detect, ...(t.commands ? [t.commands.path] : [])];
    for (const p of paths) expect(isProjectRelative(p), p).toBe(true);
    if (t.commands) {
      expect(t.commands.path).toContain('{id}');
      expect(t.commands.invoke).toContain('{id}');
      expect(COMMAND_FORMATS).toContain(t.commands.format);
    }
    if (t.skills.invoke) expect(t.skills.invoke).toContain('{skill}');
    // A bare .github/ is not Copilot (OpenSpec once pre-selected it for every GitHub repository).
    expect(t.detect).not.toContain('.github');
  });

  it('gives every tool x workflow a distinct path per surface', () => {
    const paths = allManagedPaths().map((m) => `${m.path}`);
    const shared = TOOLS.filter((t) => isSharedSkillsDir(t.skills.dir)).map((t) => t.id);
    expect(shared).toEqual(['codex', 'agents']);
    const unique = new Set(paths);
    // Only the shared .agents/skills files (one per workflow) and nothing else appear twice.
    expect(paths.length - unique.size).toBe(WORKFLOW_IDS.length);
    for (const t of TOOLS) {
      for (const w of WORKFLOW_IDS) {
        expect(skillPath(t, w)).toBe(`${t.skills.dir}/sw-${w}/SKILL.md`);
        if (t.commands) expect(commandPath(t, w)).toContain(w);
      }
    }
  });

  it('invocations follow each tool and delivery', () => {
    const cases: [string, 'both' | 'skills', string][] = [
      ['claude', 'both', '/sw:apply'],
      ['claude', 'skills', '/sw-apply'],
      ['cursor', 'both', '/sw-apply'],
      ['codex', 'both', '$sw-apply'],
      ['amazon-q', 'both', '@sw-apply'],
      ['cline', 'both', '/sw-apply.md'],
      ['crush', 'both', 'project:sw:apply'],
      ['gemini', 'both', '/sw:apply'],
      ['agents', 'both', 'the sw-apply skill'],
      ['cursor', 'skills', 'the sw-apply skill'],
    ];
    for (const [id, delivery, expected] of cases) {
      expect(invocationOf(findTool(lookupTool(id) as never), delivery, 'apply')).toBe(expected);
    }
  });

  it('skills-only tools get skills even with delivery commands', () => {
    expect(surfacesOf(findTool('codex'), 'commands')).toEqual({ skills: true, commands: false });
    expect(surfacesOf(findTool('claude'), 'commands')).toEqual({ skills: false, commands: true });
    expect(surfacesOf(findTool('claude'), 'skills')).toEqual({ skills: true, commands: false });
  });

  it('skill names follow the Agent Skills rules', () => {
    for (const w of WORKFLOW_IDS) {
      const name = skillName(w);
      expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(name.length).toBeLessThanOrEqual(64);
    }
  });
});

describe('parseToolList', () => {
  it('accepts ids and aliases in any case, dedupes, and sorts in table order', () => {
    expect(parseToolList('Cursor, claude-code,cursor')).toEqual({ ok: true, tools: ['claude', 'cursor'] });
    expect(parseToolList('all')).toEqual({ ok: true, tools: TOOL_IDS });
    expect(parseToolList('none')).toEqual({ ok: true, tools: [] });
  });

  it('rejects empty values, unknown ids (with suggestions) and all/none mixed with ids', () => {
    expect(parseToolList(' , ')).toMatchObject({ ok: false, message: '--tools needs a value.' });
    const unknown = parseToolList('claud,bogus');
    expect(unknown).toMatchObject({
      ok: false,
      message: 'Unknown tools: claud, bogus. Did you mean: claude?',
    });
    expect(parseToolList('all,claude')).toMatchObject({
      ok: false,
      message: '"all" cannot be combined with other tool ids.',
    });
  });
});
