// Word lists and sentence builders for the benchmark corpus. All randomness comes from the rng passed in.

const NOUNS = (
  'session token invoice payment report export import account profile audit webhook queue cache ' +
  'schema upload download search index backup quota tenant role permission notification template ' +
  'workflow ledger refund cursor snapshot metric alert policy secret certificate domain locale ' +
  'timezone'
).split(' ');
const ADJECTIVES = (
  'expired pending archived shared private stale partial signed encrypted duplicate scheduled ' +
  'failed nested bulk default remote cached paged draft'
).split(' ');
const VERBS = (
  'validate reject record retry expose rotate compress redact throttle merge sort filter publish ' +
  'revoke restore notify summarise migrate verify lock'
).split(' ');
const SUBJECTS = ['system', 'CLI', 'API', 'scheduler', 'parser', 'archive service', 'dashboard', 'worker'];
const CONDITIONS = [
  'when the request carries an expired credential',
  'within 200 ms of the triggering event',
  'for every active tenant',
  'before any data is written to disk',
  'unless the caller explicitly opts out',
  'after three consecutive failures',
  'while a maintenance window is open',
  'using the caller’s configured locale',
];
const EXOTIC_NAMES = [
  '認証トークンの更新',
  'Zahlungsprüfung für Rechnungen',
  'Café résumé export',
  'Señal de estado del ñandú',
  '数据导出与校验',
  'Réinitialisation du mot de passe',
  'Ölçüm raporu özeti',
  'Überprüfung der Sitzung',
];
const AREAS = ['billing', 'platform', 'identity', 'reporting', 'integrations'];
const CHANGE_VERBS = ['add', 'update', 'refine', 'harden', 'rework', 'extend', 'retire', 'split'];

const title = (word) => word.charAt(0).toUpperCase() + word.slice(1);
const thirdPerson = (verb) => (/(s|sh)$/.test(verb) ? `${verb}es` : `${verb.replace(/y$/, 'ie')}s`);
const article = (word) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const past = (verb) => (verb.endsWith('e') ? `${verb}d` : `${verb.replace(/y$/, 'i')}ed`);

/** Returns a function producing names unique within `used` (a Set shared by every caller that must not clash). */
export function uniqueNamer(used, build, separator = ' ') {
  return (rng) => {
    let name = build(rng);
    for (let n = 2; used.has(name); n++) name = `${build(rng)}${separator}${n}`;
    used.add(name);
    return name;
  };
}

export function requirementName(rng) {
  if (rng.chance(0.03)) return rng.pick(EXOTIC_NAMES);
  return `${title(rng.pick(VERBS))} ${title(rng.pick(ADJECTIVES))} ${title(rng.pick(NOUNS))}`;
}

export function scenarioName(rng) {
  if (rng.chance(0.02)) return `${rng.pick(EXOTIC_NAMES)} (${rng.pick(NOUNS)})`;
  return `${title(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)} is ${past(rng.pick(VERBS))}`;
}

/** `noun-noun`, or `area/noun-noun` when `nested`. */
export function capabilityId(rng, nested) {
  const base = `${rng.pick(NOUNS)}-${rng.pick(NOUNS)}`;
  return nested ? `${rng.pick(AREAS)}/${base}` : base;
}

export function changeName(rng) {
  return `${rng.pick(CHANGE_VERBS)}-${rng.pick(ADJECTIVES)}-${rng.pick(NOUNS)}`;
}

/** One normative sentence; always contains SHALL or MUST. */
export function normativeSentence(rng) {
  const keyword = rng.chance(0.7) ? 'SHALL' : 'MUST';
  const object = `${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}s`;
  return `The ${rng.pick(SUBJECTS)} ${keyword} ${rng.pick(VERBS)} ${object} ${rng.pick(CONDITIONS)}.`;
}

/** A sentence broken across `lines` lines at word boundaries (a soft-wrapped paragraph). */
export function wrap(sentence, lines) {
  const words = sentence.split(' ');
  const per = Math.ceil(words.length / lines);
  const out = [];
  for (let i = 0; i < words.length; i += per) out.push(words.slice(i, i + per).join(' '));
  return out;
}

/** A paragraph of 60-200 characters. */
export function purpose(rng) {
  let text = `Defines how the ${rng.pick(SUBJECTS)} handles ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}s`;
  while (text.length < 60 || (text.length < 140 && rng.chance(0.5))) {
    text += `, ${thirdPerson(rng.pick(VERBS))} ${rng.pick(NOUNS)}s ${rng.pick(CONDITIONS)}`;
  }
  if (text.length > 199) text = text.slice(0, text.lastIndexOf(' ', 199));
  return `${text}.`;
}

export function scenarioSteps(rng) {
  const steps = [
    `- **WHEN** a user ${thirdPerson(rng.pick(VERBS))} ${article(rng.pick(ADJECTIVES))} ${rng.pick(NOUNS)}`,
    `- **THEN** the ${rng.pick(SUBJECTS)} ${thirdPerson(rng.pick(VERBS))} the ${rng.pick(NOUNS)}`,
  ];
  if (rng.chance(0.5)) steps.push(`- **AND** the ${rng.pick(NOUNS)} is ${rng.pick(ADJECTIVES)}`);
  return steps;
}

/** Prose for proposals and REMOVED reasons. */
export function motivation(rng) {
  return `${title(rng.pick(NOUNS))}s are ${rng.pick(ADJECTIVES)} too often, so the ${rng.pick(SUBJECTS)} must ${rng.pick(VERBS)} them ${rng.pick(CONDITIONS)}.`;
}

export function taskText(rng) {
  return `${title(rng.pick(VERBS))} ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)}s`;
}

export function codeBlock(rng) {
  if (rng.chance(0.5)) {
    return ['```bash', '# run from the project root', `specwright ${rng.pick(VERBS)} --json`, '```'];
  }
  const fence = rng.chance(0.5) ? '```json' : '~~~json';
  return [
    fence,
    `{ "${rng.pick(NOUNS)}": "${rng.pick(ADJECTIVES)}", "retries": ${rng.int(1, 9)} }`,
    fence.slice(0, 3),
  ];
}

export function table(rng) {
  return [
    '| Field | Rule |',
    '| --- | --- |',
    `| ${rng.pick(NOUNS)} | ${rng.pick(ADJECTIVES)} |`,
    `| ${rng.pick(NOUNS)} | ${rng.pick(ADJECTIVES)} |`,
  ];
}
