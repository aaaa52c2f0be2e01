import { join } from 'node:path';
import { CliError } from '../domain/errors.ts';
import { closestNames } from '../domain/suggest.ts';
import {
  changePath,
  isRealDir,
  isSymlink,
  listActiveChanges,
  listCapabilities,
  PROJECT_PATHS,
} from '../io/project.ts';

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

/**
 * The refusal for an item whose folder is a symbolic link or lies under one. Listings never follow linked
 * folders, so without this check such an item would read as unknown instead of as refused.
 */
function linkedFolder(root: string, kind: ItemKind, name: string): CliError | undefined {
  const what = kind === 'change' ? 'Change' : 'Spec';
  const parts = kind === 'change' ? [name] : name.split('/');
  let rel: string = kind === 'change' ? PROJECT_PATHS.changes : PROJECT_PATHS.specs;
  for (const [i, part] of parts.entries()) {
    rel = `${rel}/${part}`;
    // A missing folder reads as no link; nothing under it can exist either.
    if (!isSymlink(join(root, rel))) continue;
    const where = i === parts.length - 1 ? 'is a symbolic link' : `is inside a symbolic link (${rel})`;
    return new CliError(`${kind}_symlink`, `${what} '${name}' ${where}; refusing to act on it.`);
  }
  return undefined;
}

/** The root-relative folder of an active change; it must be a real directory, not a symlink. */
export function resolveChangeDir(root: string, name: string): string {
  checkFolderName(name, 'Change');
  const link = linkedFolder(root, 'change', name);
  if (link) throw link;
  const rel = changePath(name);
  if (!isRealDir(join(root, rel)) || name === 'archive')
    throw unknown('change', name, listActiveChanges(root));
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
    if (!specs.includes(name)) throw linkedFolder(root, 'spec', name) ?? unknown('spec', name, specs);
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
  const link = name.includes('/') ? undefined : linkedFolder(root, 'change', name);
  throw link ?? linkedFolder(root, 'spec', name) ?? unknown('item', name, [...changes, ...specs]);
}
