// The user config document (`config.json`) as stored: a JSON object whose known keys are the integration
// settings and whose other keys belong to newer (or older) versions. Editing keeps those keys and the key
// order; the document is validated as a whole before it may be written.
import { type IntegrationSettings, parseSettings, SETTING_KEYS, type SettingKey } from './settings.ts';

declare const checked: unique symbol;

/**
 * A user config document whose settings are all valid. Only `checkUserConfig` and `planUserConfigEdit`
 * produce one, and the writer accepts nothing else, so an invalid document is never written.
 */
export type CheckedUserConfig = Readonly<Record<string, unknown>> & { readonly [checked]: true };

export type UserConfigCheck =
  | {
      ok: true;
      document: CheckedUserConfig;
      settings: IntegrationSettings;
      /** Whether the document differs from the one read (false for `checkUserConfig`). */
      changed: boolean;
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

/**
 * Validate a parsed user config (`undefined` for a missing file and `null` both mean `{}`). Unknown keys
 * are allowed; an invalid document says which file and setting, and how to repair it.
 */
export function checkUserConfig(data: unknown, file: string): UserConfigCheck {
  const document = data ?? {};
  const parsed = parseSettings(document, file);
  if (parsed.ok)
    return { ok: true, document: document as CheckedUserConfig, settings: parsed.settings, changed: false };
  const bad = isRecord(document)
    ? SETTING_KEYS.filter((k) => Object.hasOwn(document, k) && !parseSettings({ [k]: document[k] }, file).ok)
    : [];
  return { ok: false, error: parsed.error, fix: repairFix(bad, file) };
}

/**
 * Apply `edits` to the parsed user config: an existing key keeps its place, a new one goes last, every
 * other key (known or not) is kept as it is. The whole result must be valid, so an edit can repair a
 * file whose only invalid settings it replaces or removes, and never makes a valid file invalid.
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
  const result = checkUserConfig(next, file);
  return result.ok ? { ...result, changed: JSON.stringify(next) !== JSON.stringify(base) } : result;
}
