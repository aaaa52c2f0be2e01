import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { renderCommandFile, renderSkillFile } from './render-files.ts';
import { fillPlaceholders, parseWorkflowSource, splitFrontmatter } from './workflow-source.ts';

const W = {
  name: 'sw-apply',
  title: 'Implement a change',
  description: 'Implement: the "tasks" # of a change',
  argument: '[change-name]',
  body: 'Run `specwright status`.\n',
};

describe('renderers', () => {
  it('quote YAML values so colons, quotes and hashes survive', () => {
    const { data, body } = splitFrontmatter(renderSkillFile(W));
    expect(data).toMatchObject({ name: 'sw-apply', description: W.description });
    expect(body).toBe('\nRun `specwright status`.\n');
    expect(splitFrontmatter(renderCommandFile('md-arguments', W)).data).toEqual({
      description: W.description,
      'argument-hint': '[change-name]',
    });
  });

  it('escape TOML so any prompt round-trips', () => {
    const tricky = { ...W, body: 'a \\ backslash, """ three quotes, a tab\tand \u0007 bell\n' };
    const parsed = parseToml(renderCommandFile('toml-prompt', tricky));
    expect(parsed).toEqual({ description: W.description, prompt: tricky.body });
  });

  it('md-heading has no frontmatter; prompt-invokable names the command', () => {
    expect(renderCommandFile('md-heading', W)).toBe(
      `# Implement a change\n\n${W.description}\n\nRun \`specwright status\`.\n`,
    );
    expect(splitFrontmatter(renderCommandFile('prompt-invokable', W)).data).toEqual({
      name: 'sw-apply',
      description: W.description,
      invokable: true,
    });
  });
});

describe('workflow sources', () => {
  const values = {
    cli: 'specwright',
    input: '$ARGUMENTS',
    workflowList: '- x',
    invoke: (w: string) => `/sw:${w}`,
  };

  it('parse frontmatter and fill every placeholder in one pass', () => {
    const source = parseWorkflowSource(
      '---\nid: apply\ntitle: T\ndescription: >-\n  D: d\nargument: "[x]"\n---\n{{input}} then {{invoke:archive}} via {{cli}}\n',
      'apply.md',
    );
    expect(source).toMatchObject({ id: 'apply', description: 'D: d', argument: '[x]' });
    expect(fillPlaceholders(source.body, { ...values, input: '{{args}}' }, 'apply.md')).toBe(
      '{{args}} then /sw:archive via specwright\n',
    );
  });

  it('reject unknown placeholders and invalid frontmatter', () => {
    expect(() => fillPlaceholders('{{invoke:fly}}', values, 'x.md')).toThrow(
      'x.md: unknown placeholder {{invoke:fly}}',
    );
    expect(() => fillPlaceholders('{{cli:x}}', values, 'x.md')).toThrow('unknown placeholder');
    expect(() =>
      parseWorkflowSource('---\nid: nope\ntitle: T\ndescription: D\nargument: A\n---\nx\n', 'n.md'),
    ).toThrow('n.md: invalid frontmatter at id');
    expect(() =>
      parseWorkflowSource(
        `---\nid: new\ntitle: T\ndescription: ${'x'.repeat(1025)}\nargument: A\n---\nx\n`,
        'n.md',
      ),
    ).toThrow('at description');
  });
});
