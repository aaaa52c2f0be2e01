// The user config document (`config.json`) as stored: a JSON object whose known keys are the integration
// settings and whose other keys belong to newer (or older) versions. Editing keeps those keys and the key
// order; the document is validated as a whole before it may be written.
import { type IntegrationSettings, parseSettings, SETTING_KEYS, type SettingKey } from './settings.ts';

declare const checked: unique symbol;

/**
 * A user config document that may be stored: its settings are all valid, or it is an edit that repairs
 * some invalid settings and breaks none. Only `checkUserConfig` and `planUserConfigEdit` produce one, and
 * the writer accepts nothing else, so a write never makes the file worse.
 */
export type CheckedUserConfig = Readonly<Record<string, unknown>> & { readonly [checked]: true };

export type UserConfigCheck =
  | {
      ok: true;
      document: CheckedUserConfig;
      settings: IntegrationSettings;
      /** Whether the document differs from the one read (false for `checkUserConfig`). */
      changed: boolean;
      /**
       * Set when an edit repaired only some invalid settings: what is still wrong and how to fix it.
       * `settings` then holds the valid ones only.
       */
      remaining?: { error: string; fix: string };
    }
  | { ok: false; error: string; fix: string };

/** Set one setting (`value` undefined removes the key). */
export type SettingEdit = {
  [K in SettingKey]: { key: K; value: IntegrationSettings[K] | undefined };
}[SettingKey];

function isRecord(data: unknown): data is Record<string, unknown> {
  return typeof data === 'object' && data !== null && !Array.isArray(data);
}

/** How to repair a document whose `bad` settings are invalid. */
function repairFix(bad: readonly SettingKey[], file: string): string {
  if (bad.length === 0) return `Fix or delete ${file}.`;
  const commands = bad.map((k) => `\`specwright config unset ${k}\``).join(', ');
  return `Run ${commands} (or \`specwright config set\` a valid value), or fix ${file}.`;
}

/** The settings of `document` that are invalid on their own, in `SETTING_KEYS` order. */
function invalidKeys(document: Record<string, unknown>, file: string): SettingKey[] {
  return SETTING_KEYS.filter(
    (k) => Object.hasOwn(document, k) && !parseSettings({ [k]: document[k] }, file).ok,
  );
}

/**
 * Validate a parsed user config (`undefined` for a missing file and `null` both mean `{}`). Unknown keys
 * are allowed; an invalid document says which file and setting, and how to repair it.
 */
export function checkUserConfig(data: unknown, file: string): UserConfigCheck {
  const document = data ?? {};
  const parsed = parseSettings(document, file);
  if (parsed.ok)
    return { ok: true, document: document as CheckedUserConfig, settings: parsed.settings, changed: false };
  const bad = isRecord(document) ? invalidKeys(document, file) : [];
  return { ok: false, error: parsed.error, fix: repairFix(bad, file) };
}

/**
 * Apply `edits` to the parsed user config: an existing key keeps its place, a new one goes last, every
 * other key (known or not) is kept as it is. The edit is accepted when the result is valid, or when it
 * repairs something and breaks nothing (its invalid settings are a strict subset of those before), so a
 * file with several invalid settings can be repaired one `config unset` at a time; an edit that leaves
 * the same or more invalid settings is refused, and a valid file never becomes invalid.
 */
export function planUserConfigEdit(
  data: unknown,
  edits: readonly SettingEdit[],
  file: string,
): UserConfigCheck {
  const base = data ?? {};
  if (!isRecord(base)) return checkUserConfig(base, file);
  const next: Record<string, unknown> = { ...base };
  for (const edit of edits) {
    if (edit.value === undefined) delete next[edit.key];
    else next[edit.key] = edit.value;
  }
  const changed = JSON.stringify(next) !== JSON.stringify(base);
  const result = checkUserConfig(next, file);
  if (result.ok) return { ...result, changed };
  const before = invalidKeys(base, file);
  const after = invalidKeys(next, file);
  if (after.length >= before.length || !after.every((k) => before.includes(k))) return result;
  const valid = Object.fromEntries(Object.entries(next).filter(([k]) => !(after as string[]).includes(k)));
  const parsed = parseSettings(valid, file);
  if (!parsed.ok) return result;
  return {
    ok: true,
    document: next as CheckedUserConfig,
    settings: parsed.settings,
    changed,
    remaining: { error: result.error, fix: result.fix },
  };
}
