import { dirname, join } from 'node:path';
import { CliError } from '../domain/errors.ts';
import {
  describeScratchpadKind,
  isScratchpadKind,
  SCRATCHPAD_DIR,
  SCRATCHPAD_KINDS,
  type ScratchpadKind,
} from '../domain/research/scratchpad-kinds.ts';
import { closestNames } from '../domain/suggest.ts';
import { builtinSchemasDir } from '../io/assets.ts';
import { writeFileInRoot } from '../io/atomic-write.ts';
import { pathExists, readTextFile } from '../io/fs-safe.ts';
import { type ProjectRoot, requireProjectRoot } from '../io/project.ts';
import { resolveChangeDir } from './resolve-item.ts';

export interface ScratchpadInput {
  cwd: string;
  change: string;
  kind: string;
  /** Replace an existing `research/<kind>.md`. */
  force: boolean;
}

export interface ScratchpadResult {
  root: ProjectRoot;
  change: string;
  kind: ScratchpadKind;
  description: string;
  /** Root-relative path of the scratchpad. */
  path: string;
  /** Whether an existing file was replaced (only with `force`). */
  replaced: boolean;
}

function checkKind(kind: string): ScratchpadKind {
  if (isScratchpadKind(kind)) return kind;
  const kinds = SCRATCHPAD_KINDS.map((k) => k.kind);
  const near = closestNames(kind, kinds, 1);
  throw new CliError(
    'unknown_scratchpad_kind',
    `Unknown scratchpad kind '${kind}'. Kinds: ${kinds.join(', ')}.`,
    {
      fix: near[0] ? `Did you mean: ${near[0]}?` : `Pick one of: ${kinds.join(', ')}.`,
      exitCode: 2,
    },
  );
}

/** The template of a kind: `assets/scratchpads/<kind>.md` beside the built-in schemas. */
function readScratchpadTemplate(kind: ScratchpadKind): string {
  return readTextFile(dirname(builtinSchemasDir()), `scratchpads/${kind}.md`);
}

/**
 * `specwright scratchpad <change> <kind>`: write `research/<kind>.md` into an active change from the
 * kind's template. An existing file is refused unless `force`; the write is atomic.
 */
export async function createScratchpad(input: ScratchpadInput): Promise<ScratchpadResult> {
  const root = requireProjectRoot(input.cwd);
  const changeRel = resolveChangeDir(root.path, input.change);
  const kind = checkKind(input.kind);
  const path = `${changeRel}/${SCRATCHPAD_DIR}/${kind}.md`;
  const replaced = pathExists(join(root.path, path));
  if (replaced && !input.force) {
    throw new CliError('scratchpad_exists', `${path} already exists.`, {
      fix: `Edit it, or replace it with the empty template: specwright scratchpad ${input.change} ${kind} --force`,
    });
  }
  await writeFileInRoot(root.path, path, readScratchpadTemplate(kind));
  return {
    root,
    change: input.change,
    kind,
    description: describeScratchpadKind(kind),
    path,
    replaced,
  };
}
