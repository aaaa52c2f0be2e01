import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderInitialConfig } from '../domain/config/config-template.ts';
import { CliError } from '../domain/errors.ts';
import { applyFileTransaction, type FileOp } from '../io/atomic-write.ts';
import { PROJECT_PATHS, type ProjectRoot } from '../io/project.ts';

/** What `planSkeleton` found: the ops that create the missing parts, and what each item's fate is. */
export interface SkeletonPlan {
  ops: FileOp[];
  /** Root-relative POSIX paths to create; directories end with `/`. */
  created: string[];
  /** Root-relative POSIX paths already present; directories end with `/`. */
  existing: string[];
}

type Item = { path: string; kind: 'dir' } | { path: string; kind: 'file'; content: string };

const SKELETON: readonly Item[] = [
  { path: PROJECT_PATHS.openspec, kind: 'dir' },
  { path: PROJECT_PATHS.specs, kind: 'dir' },
  { path: `${PROJECT_PATHS.specs}/.gitkeep`, kind: 'file', content: '' },
  { path: PROJECT_PATHS.changes, kind: 'dir' },
  { path: PROJECT_PATHS.archive, kind: 'dir' },
  { path: `${PROJECT_PATHS.archive}/.gitkeep`, kind: 'file', content: '' },
];

function kindAt(abs: string): 'dir' | 'file' | 'missing' | 'other' {
  try {
    const st = statSync(abs);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

/** The config item: config.yaml unless either config file already exists (OpenSpec accepts both). */
function configItem(rootPath: string): Item {
  const yml = kindAt(join(rootPath, PROJECT_PATHS.configYml)) !== 'missing';
  const yaml = kindAt(join(rootPath, PROJECT_PATHS.configYaml)) !== 'missing';
  if (yml && !yaml) return { path: PROJECT_PATHS.configYml, kind: 'file', content: '' };
  return { path: PROJECT_PATHS.configYaml, kind: 'file', content: renderInitialConfig() };
}

/**
 * Plan the `openspec/` skeleton under `rootPath` without touching it. Existing items are kept as they are
 * (never overwritten); an item of the wrong kind (a file named `openspec/specs`) is an error before
 * anything is created, so a failed init leaves nothing half-made.
 */
export function planSkeleton(rootPath: string): SkeletonPlan {
  const plan: SkeletonPlan = { ops: [], created: [], existing: [] };
  for (const item of [...SKELETON, configItem(rootPath)]) {
    const shown = item.kind === 'dir' ? `${item.path}/` : item.path;
    const found = kindAt(join(rootPath, item.path));
    if (found === item.kind) {
      plan.existing.push(shown);
      continue;
    }
    if (found !== 'missing') {
      const expected = item.kind === 'dir' ? 'a directory' : 'a file';
      throw new CliError('init_path_conflict', `${item.path} exists but is not ${expected}.`, {
        fix: `Move ${item.path} out of the way and run the command again.`,
      });
    }
    plan.created.push(shown);
    plan.ops.push(
      item.kind === 'dir'
        ? { kind: 'mkdir', path: item.path }
        : { kind: 'write', path: item.path, content: item.content },
    );
  }
  return plan;
}

export interface InitInput {
  cwd: string;
  /** Project directory, relative to `cwd`; default `cwd`. Created when missing. */
  path?: string;
}

export interface InitResult {
  root: ProjectRoot;
  /** True when the project directory itself did not exist and was created. */
  createdDirectory: boolean;
  created: string[];
  existing: string[];
}

/** `specwright init [path]`: create whatever part of the skeleton is missing; idempotent. */
export async function initProject(input: InitInput): Promise<InitResult> {
  const rootPath = resolve(input.cwd, input.path ?? '.');
  const kind = kindAt(rootPath);
  if (kind !== 'dir' && kind !== 'missing') {
    throw new CliError('init_target_not_directory', `${rootPath} exists and is not a directory.`);
  }
  if (kind === 'missing') mkdirSync(rootPath, { recursive: true });
  const plan = planSkeleton(rootPath);
  await applyFileTransaction(rootPath, plan.ops);
  return {
    root: { path: rootPath, source: 'path' },
    createdDirectory: kind === 'missing',
    created: plan.created,
    existing: plan.existing,
  };
}
