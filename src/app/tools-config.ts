import { CliError } from '../domain/errors.ts';
import {
  type IntegrationSettings,
  parseSettingValue,
  resolveSelection,
  SETTING_KEYS,
  type SettingKey,
} from '../domain/tools/settings.ts';
import type { ToolId } from '../domain/tools/tools.ts';
import type { Delivery, Profile, WorkflowId } from '../domain/tools/workflows.ts';
import { readUserSettings, userConfigPath, writeUserSettings } from '../io/user-config.ts';

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

/** `config set <key> <value>`: validate and store one value. */
export async function setConfig(key: string, raw: string, env?: Env) {
  const k = checkKey(key);
  const parsed = parseSettingValue(k, raw);
  if (!parsed.ok) throw new CliError('invalid_config_value', parsed.message, { exitCode: 2 });
  const settings = { ...readUserSettings(env), [k]: parsed.value };
  const path = await writeUserSettings(settings, env);
  return { key: k, value: parsed.value, path };
}

/** `config unset <key>`: drop one value so its default applies again. */
export async function unsetConfig(key: string, env?: Env) {
  const k = checkKey(key);
  const settings = readUserSettings(env);
  const removed = settings[k] !== undefined;
  delete settings[k];
  const path = removed ? await writeUserSettings(settings, env) : userConfigPath(env);
  return { key: k, removed, path };
}

/** `config profile`: set the default profile, with the workflow list for `custom`. */
export async function setProfile(
  profile: Profile,
  workflows: WorkflowId[] | undefined,
  env?: Env,
): Promise<ConfigView> {
  const settings: IntegrationSettings = { ...readUserSettings(env), profile };
  if (profile === 'custom') {
    if (workflows) settings.workflows = workflows;
  } else if (workflows) {
    throw new CliError('invalid_option', 'A workflow list only applies to the custom profile.', {
      exitCode: 2,
    });
  }
  await writeUserSettings(settings, env);
  return listConfig(env);
}
