import { CliError } from '../domain/errors.ts';
import { splitLocation } from '../domain/issue.ts';
import {
  applyEdits,
  planEdits,
  type ReferenceEdit,
  renderLineDiff,
  type SkippedFix,
} from '../domain/trace/fix-references.ts';
import type { FoundReference } from '../domain/trace/scan-references.ts';
import { applyFileTransaction } from '../io/atomic-write.ts';
import { readTextFile } from '../io/fs-safe.ts';

/** One file `trace --fix` would rewrite. */
interface FileFix {
  file: string;
  /** References rewritten in it. */
  edits: ReferenceEdit[];
  /** Unified diff of the rewrite. */
  diff: string;
  content: string;
}

/** What `trace --fix` would write. */
export interface FixPlan {
  files: FileFix[];
  skipped: SkippedFix[];
}

function byFile(edits: readonly ReferenceEdit[]): Map<string, ReferenceEdit[]> {
  const map = new Map<string, ReferenceEdit[]>();
  for (const e of edits) map.set(e.file, [...(map.get(e.file) ?? []), e]);
  return map;
}

/**
 * Rewrite, in memory, every dangling reference that archived renames can repair. Nothing is written:
 * the plan carries the new contents and a diff per file for the user to review first.
 */
export function planTraceFix(
  root: string,
  fixable: readonly { found: FoundReference; fix: string }[],
): FixPlan {
  const { edits, skipped } = planEdits(fixable);
  const files: FileFix[] = [];
  for (const [file, list] of byFile(edits)) {
    let before: string;
    try {
      before = readTextFile(root, file);
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      // The summary line names the file already: the reason is the message without its location.
      const reason = splitLocation(e.message, file).message;
      for (const x of list) skipped.push({ file, line: x.line, ref: x.from, fix: x.to, reason });
      continue;
    }
    const content = applyEdits(before, list);
    files.push({ file, edits: list, diff: renderLineDiff(file, before, content), content });
  }
  return { files, skipped };
}

/** Write a fix plan as one transaction (every file or none). */
export async function applyTraceFix(root: string, plan: FixPlan): Promise<string[]> {
  await applyFileTransaction(
    root,
    plan.files.map((f) => ({ kind: 'write', path: f.file, content: f.content })),
  );
  return plan.files.map((f) => f.file);
}
