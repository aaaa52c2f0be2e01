// `specwright schema which|validate|init|fork`: four subcommands, one module; each export is the
// CommandModule its row in the command table loads.
import { forkSchema, initSchema, validateSchemas, whichSchema } from '../../app/schemas.ts';
import type { CommandModule } from '../command.ts';
import type { CommandResult } from '../context.ts';
import { createStyle, formatWarnings, type Style } from '../render/human.ts';
import { renderIssues } from '../render/issues.ts';
import { renderJson } from '../render/json.ts';

function rootDoc(root: { path: string } | undefined): { path: string } | null {
  return root ? { path: root.path } : null;
}

function warningText(warnings: readonly string[], style: Style): string {
  return formatWarnings(style, warnings);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `schema which [name] [--change c]`. */
export const which: CommandModule = {
  jsonNullShape: { schema: null, root: null },
  async run(ctx, args, opts): Promise<CommandResult> {
    const change = str(opts.change);
    const r = await whichSchema({
      cwd: ctx.cwd,
      env: ctx.env,
      ...(args[0] !== undefined ? { name: args[0] } : {}),
      ...(change !== undefined ? { change } : {}),
    });
    if (opts.json === true) {
      const doc = {
        schema: { ...r.selection, ...r.location },
        shadows: r.shadows,
        change: r.change,
        warnings: r.warnings,
        root: rootDoc(r.root),
      };
      return { exitCode: 0, stdout: renderJson(doc), stderr: '' };
    }
    const style = createStyle(ctx.color);
    const why = r.selection.selectedIn
      ? `named in ${r.selection.selectedIn}`
      : `selected by ${r.selection.selectedBy}`;
    const lines = [
      `${style.bold(r.selection.name)} (${why})`,
      `Found: ${r.location.source}: ${r.location.path}`,
    ];
    for (const s of r.shadows) lines.push(`Overrides: ${s.source}: ${s.path}`);
    return { exitCode: 0, stdout: `${lines.join('\n')}\n`, stderr: warningText(r.warnings, style) };
  },
};

/** `schema validate [name]`: exit 1 when any schema has an ERROR. */
export const validate: CommandModule = {
  jsonNullShape: { valid: false, schemas: [], root: null },
  async run(ctx, args, opts): Promise<CommandResult> {
    const r = await validateSchemas({
      cwd: ctx.cwd,
      env: ctx.env,
      ...(args[0] !== undefined ? { name: args[0] } : {}),
    });
    const exitCode = r.valid ? 0 : 1;
    if (opts.json === true) {
      return {
        exitCode,
        stdout: renderJson({ valid: r.valid, schemas: r.schemas, root: rootDoc(r.root) }),
        stderr: '',
      };
    }
    const style = createStyle(ctx.color);
    const lines = r.schemas.map((s) => {
      const head = s.valid ? style.green(`✓ ${s.name}`) : style.red(`✗ ${s.name}`);
      const issues = s.issues.length > 0 ? `\n${renderIssues(s.issues, ctx.color)}` : '';
      return `${head} ${style.dim(`(${s.source}: ${s.path})`)}${issues}`;
    });
    return { exitCode, stdout: `${lines.length > 0 ? lines.join('\n') : 'No schemas found.'}\n`, stderr: '' };
  },
};

function scaffoldText(verb: string, r: { schema: string; path: string; files: string[]; replaced: boolean }) {
  const lines = [
    `${verb} schema '${r.schema}' at ${r.path}/${r.replaced ? ' (replaced)' : ''}`,
    ...r.files.map((f) => `  ${f}`),
  ];
  return `${lines.join('\n')}\n`;
}

const NEXT = (name: string) => `Next: edit it, then run specwright schema validate ${name}\n`;

/** `schema init <name> [--description t] [--artifacts a,b] [--force]`. */
export const init: CommandModule = {
  jsonNullShape: { created: false, schema: null, root: null },
  async run(ctx, args, opts): Promise<CommandResult> {
    const description = str(opts.description);
    const artifacts = str(opts.artifacts);
    const r = await initSchema({
      cwd: ctx.cwd,
      env: ctx.env,
      name: args[0] as string,
      force: opts.force === true,
      ...(description !== undefined ? { description } : {}),
      ...(artifacts !== undefined ? { artifacts: artifacts.split(',').map((a) => a.trim()) } : {}),
    });
    if (opts.json === true) {
      const { root, ...rest } = r;
      return { exitCode: 0, stdout: renderJson({ created: true, ...rest, root: rootDoc(root) }), stderr: '' };
    }
    return { exitCode: 0, stdout: scaffoldText('Created', r), stderr: NEXT(r.schema) };
  },
};

/** `schema fork <source> [name] [--force]`. */
export const fork: CommandModule = {
  jsonNullShape: { forked: false, schema: null, root: null },
  async run(ctx, args, opts): Promise<CommandResult> {
    const r = await forkSchema({
      cwd: ctx.cwd,
      env: ctx.env,
      source: args[0] as string,
      force: opts.force === true,
      ...(args[1] !== undefined ? { name: args[1] } : {}),
    });
    if (opts.json === true) {
      const { root, ...rest } = r;
      return { exitCode: 0, stdout: renderJson({ forked: true, ...rest, root: rootDoc(root) }), stderr: '' };
    }
    const from = `Forked from ${r.source.name} (${r.source.source}: ${r.source.path})\n`;
    return { exitCode: 0, stdout: scaffoldText('Created', r) + from, stderr: NEXT(r.schema) };
  },
};
