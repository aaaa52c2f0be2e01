import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../domain/errors.ts';
import { closestNames } from '../domain/suggest.ts';
import { listActiveChanges, listCapabilities } from '../io/project.ts';

export type ItemKind = 'change' | 'spec';

/** Names that could reach outside `openspec/changes/` are refused before any lookup. */
function checkFolderName(name: string, what: 'Change' | 'Spec'): void {
  const parts = what === 'Spec' ? name.split('/') : [name];
  const bad =
    name === '' ||
    name.includes('\0') ||
    name.includes('\\') ||
    (what === 'Change' && name.includes('/')) ||
    parts.some((p) => p === '' || p === '.' || p === '..' || p.startsWith('.')) ||
    name.startsWith('/');
  if (bad) {
    throw new CliError(
      'invalid_item',
      `${what} name '${name}' is not a valid name (no path separators, '.', '..' or leading dots).`,
    );
  }
}

function unknown(kind: string, name: string, candidates: string[]): CliError {
  const near = closestNames(name, candidates);
  const hint = near.length > 0 ? ` Did you mean: ${near.join(', ')}?` : '';
  return new CliError(`unknown_${kind}`, `Unknown ${kind === 'item' ? 'item' : kind} '${name}'.${hint}`, {
    fix:
      near.length > 0
        ? `Try: ${near[0]}`
        : `List them with: specwright list${kind === 'spec' ? ' --specs' : ''}`,
  });
}

/** The root-relative folder of an active change; it must be a real directory, not a symlink. */
export function resolveChangeDir(root: string, name: string): string {
  checkFolderName(name, 'Change');
  const rel = `openspec/changes/${name}`;
  let isDir = false;
  try {
    const st = lstatSync(join(root, rel));
    if (st.isSymbolicLink())
      throw new CliError('change_symlink', `Change '${name}' is a symbolic link; refusing to act on it.`);
    isDir = st.isDirectory();
  } catch (e) {
    if (e instanceof CliError) throw e;
  }
  if (!isDir || name === 'archive') throw unknown('change', name, listActiveChanges(root));
  return rel;
}

/** Decide whether `name` is a change or a spec; ambiguous and unknown names are errors with suggestions. */
export function resolveItem(root: string, name: string, type?: ItemKind): ItemKind {
  if (type === 'change') {
    resolveChangeDir(root, name);
    return 'change';
  }
  checkFolderName(name, type === 'spec' ? 'Spec' : name.includes('/') ? 'Spec' : 'Change');
  const specs = listCapabilities(root);
  if (type === 'spec') {
    if (!specs.includes(name)) throw unknown('spec', name, specs);
    return 'spec';
  }
  const changes = listActiveChanges(root);
  const isChange = changes.includes(name);
  const isSpec = specs.includes(name);
  if (isChange && isSpec) {
    throw new CliError('ambiguous_item', `'${name}' is both a change and a spec.`, {
      fix: 'Pass --type change or --type spec.',
    });
  }
  if (isChange) return 'change';
  if (isSpec) return 'spec';
  throw unknown('item', name, [...changes, ...specs]);
}
