import { closestNames } from '../suggest.ts';
import { lookupTool, TOOL_IDS, TOOLS, type ToolId } from './tools.ts';

export type ToolListResult = { ok: true; tools: ToolId[] } | { ok: false; message: string; fix: string };

const AVAILABLE = `Available: all, none, ${TOOL_IDS.join(', ')}.`;

/**
 * Parse a `--tools` value: `all`, `none`, or comma-separated ids and aliases (case-insensitive,
 * duplicates dropped). The result is in table order, so the same selection always renders the same way.
 */
export function parseToolList(value: string): ToolListResult {
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  if (names.length === 0) {
    return { ok: false, message: '--tools needs a value.', fix: `Pass --tools <ids>. ${AVAILABLE}` };
  }
  const reserved = names.filter((n) => n === 'all' || n === 'none');
  if (reserved.length > 0) {
    if (names.length > 1) {
      return {
        ok: false,
        message: `"${reserved[0]}" cannot be combined with other tool ids.`,
        fix: 'Pass either all, none, or a list of tool ids.',
      };
    }
    return { ok: true, tools: reserved[0] === 'all' ? [...TOOL_IDS] : [] };
  }
  const unknown = names.filter((n) => lookupTool(n) === undefined);
  if (unknown.length > 0) {
    const close = unknown.flatMap((n) => closestNames(n, TOOL_IDS, 3));
    const hint = close.length > 0 ? ` Did you mean: ${[...new Set(close)].join(', ')}?` : '';
    return {
      ok: false,
      message: `Unknown tool${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.${hint}`,
      fix: `${AVAILABLE} For an assistant not listed, use agents (AGENTS.md and .agents/skills).`,
    };
  }
  return { ok: true, tools: sortTools(names.map((n) => lookupTool(n) as ToolId)) };
}

/** Tool ids deduplicated, in table order. */
export function sortTools(ids: Iterable<ToolId>): ToolId[] {
  const set = new Set(ids);
  return TOOLS.map((t) => t.id).filter((id) => set.has(id));
}
