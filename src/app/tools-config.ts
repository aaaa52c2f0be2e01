import { CliError } from '../domain/errors.ts';
import {
  type IntegrationSettings,
  parseSettingValue,
  resolveSelection,
  SETTING_KEYS,
  type SettingKey,
} from '../domain/tools/settings.ts';
import type { ToolId } from '../domain/tools/tools.ts';
import { planUserConfigEdit, type SettingEdit } from '../domain/tools/user-config.ts';
import type { Delivery, Profile, WorkflowId } from '../domain/tools/workflows.ts';
import {
  readUserConfigData,
  readUserSettings,
  userConfigInvalid,
  userConfigPath,
  writeUserConfig,
} from '../io/user-config.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** What `init` would use from the user config when neither flags nor the project say otherwise. */
interface EffectiveSettings {
  tools: ToolId[];
  profile: Profile;
  workflows: WorkflowId[];
  delivery: Delivery;
}

export interface ConfigView {
  /** Absolute path of the user config file. */
  path: string;
  /** The values set in the file. */
  settings: IntegrationSettings;
  /** The values in force, defaults filled in. */
  effective: EffectiveSettings;
}

function effectiveOf(settings: IntegrationSettings): EffectiveSettings {
  const { tools, profile, workflows, delivery } = resolveSelection([{ source: 'user', settings }], []);
  return { tools, profile, workflows, delivery };
}

/** `config list`: the file's path, its values and the values in force. */
export function listConfig(env?: Env): ConfigView {
  const settings = readUserSettings(env);
  return { path: userConfigPath(env), settings, effective: effectiveOf(settings) };
}

/** Validate a key name typed on the command line (usage error otherwise). */
function checkKey(key: string): SettingKey {
  if ((SETTING_KEYS as readonly string[]).includes(key)) return key as SettingKey;
  throw new CliError('unknown_config_key', `Unknown setting "${key}".`, {
    fix: `Settings: ${SETTING_KEYS.join(', ')}.`,
    exitCode: 2,
  });
}

/** `config get <key>`: the value in force and whether the file sets it. */
export function getConfig(key: string, env?: Env) {
  const k = checkKey(key);
  const view = listConfig(env);
  return { key: k, value: view.effective[k], source: view.settings[k] === undefined ? 'default' : 'user' };
}

/** Validate a value typed on the command line for `key` (usage error otherwise). */
function checkValue<K extends SettingKey>(key: K, raw: string): NonNullable<IntegrationSettings[K]> {
  const parsed = parseSettingValue(key, raw);
  if (!parsed.ok) throw new CliError('invalid_config_value', parsed.message, { exitCode: 2 });
  return parsed.value as NonNullable<IntegrationSettings[K]>;
}

/** What is still wrong with the user config after an edit that repaired only part of it. */
interface RemainingProblem {
  error: string;
  fix: string;
}

/**
 * Apply `edits` to the user config file, keeping the keys Specwright does not know and the key order.
 * The whole new document is validated first: unless it is valid, or the edits repair some invalid
 * settings and break none (then `remaining` says what is left), it is `user_config_invalid` (naming the
 * file and how to repair it) and the file stays untouched. Writes only when something changed.
 */
async function editUserConfig(edits: readonly SettingEdit[], env?: Env) {
  const path = userConfigPath(env);
  const plan = planUserConfigEdit(readUserConfigData(env), edits, path);
  if (!plan.ok) throw userConfigInvalid(plan);
  if (plan.changed) await writeUserConfig(plan.document, env);
  return { path, settings: plan.settings, changed: plan.changed, remaining: plan.remaining };
}

/** `config path`: where the user config lives; the file is not read, so this works when it is broken. */
export function configPath(env?: Env): string {
  return userConfigPath(env);
}

/**
 * `config set <key> <value>`: validate and store one value. `remaining` (also on `unsetConfig` and
 * `setProfile`; the CLI prints it as a warning, not in the JSON) is set when the file still holds other
 * invalid settings after this partial repair.
 */
export async function setConfig(key: string, raw: string, env?: Env) {
  const k = checkKey(key);
  const value = checkValue(k, raw);
  const { path, remaining } = await editUserConfig([{ key: k, value } as SettingEdit], env);
  return { key: k, value, path, remaining };
}

/** `config unset <key>`: drop one value so its default applies again. */
export async function unsetConfig(key: string, env?: Env) {
  const k = checkKey(key);
  const { path, changed, remaining } = await editUserConfig([{ key: k, value: undefined }], env);
  return { key: k, removed: changed, path, remaining };
}

/** `config profile`: set the default profile, with the workflow list for `custom`. */
export async function setProfile(
  profile: string,
  workflows: WorkflowId[] | undefined,
  env?: Env,
): Promise<ConfigView & { remaining: RemainingProblem | undefined }> {
  const value = checkValue('profile', profile);
  if (workflows && value !== 'custom') {
    throw new CliError('invalid_option', 'A workflow list only applies to the custom profile.', {
      exitCode: 2,
    });
  }
  const edits: SettingEdit[] = [{ key: 'profile', value }];
  if (workflows) edits.push({ key: 'workflows', value: workflows });
  const { path, settings, remaining } = await editUserConfig(edits, env);
  return { path, settings, effective: effectiveOf(settings), remaining };
}
