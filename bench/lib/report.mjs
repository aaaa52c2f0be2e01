// Turning measured cases into tables (plain text for the terminal, Markdown for docs/benchmarks.md).

const fmtMs = (ms) => (ms < 100 ? ms.toFixed(1) : ms.toFixed(0));
const fmtRss = (kb) => (kb == null ? '–' : `${(kb / 1024).toFixed(0)} MB`);

function timeCell(result) {
  if (!result) return '–';
  if (result.status !== 'ok') return result.status;
  return `${fmtMs(result.stats.median)} (${fmtMs(result.stats.min)})`;
}

/** { text, met } for a case with a target, or null. */
function evaluateTarget(testCase) {
  const { reference } = testCase;
  if (!reference) return null;
  const sw = testCase.results.specwright;
  const ref = testCase.results.reference;
  if (ref.status !== 'ok') return { text: `${reference.target.text}: reference ${ref.status}`, met: null };
  const limit = reference.target.limit(ref.stats.median);
  if (sw.status !== 'ok')
    return { text: `${reference.target.text} (${fmtMs(limit)} ms): ${sw.status}`, met: null };
  const met = sw.stats.median <= limit;
  const sign = met ? '≤' : '>';
  return { text: `${met ? 'met' : 'MISSED'}: ${fmtMs(sw.stats.median)} ${sign} ${fmtMs(limit)} ms`, met };
}

export const RESULT_HEADERS = [
  'command',
  'corpus',
  'runs',
  'Specwright ms median (min)',
  'OpenSpec ms median (min)',
  'OpenSpec/Specwright',
  'Specwright peak RSS',
  'OpenSpec peak RSS',
  'target',
];

export function resultRows(cases) {
  return cases.map((c) => {
    const { specwright: sw, openspec: os } = c.results;
    const ratio =
      sw.status === 'ok' && os.status === 'ok' ? `${(os.stats.median / sw.stats.median).toFixed(1)}×` : '–';
    const target = evaluateTarget(c);
    return [
      c.command,
      c.corpus,
      String(c.runs),
      timeCell(sw),
      timeCell(os),
      ratio,
      fmtRss(sw.rssKb),
      fmtRss(os.rssKb),
      target?.text ?? '',
    ];
  });
}

export const REFERENCE_HEADERS = ['reference', 'corpus', 'ms median (min)', 'peak RSS', 'compared with'];

export function referenceRows(cases) {
  return cases
    .filter((c) => c.reference)
    .map((c) => {
      const ref = c.results.reference;
      return [
        ref.label,
        c.corpus,
        timeCell(ref),
        fmtRss(ref.rssKb),
        `Specwright \`${c.command}\` (${c.reference.target.text})`,
      ];
    });
}

/** Failures and unavailable commands (grouped by reason), and outputs on which the two CLIs disagree. */
export function noteLines(cases) {
  const groups = new Map();
  const mismatches = [];
  for (const c of cases) {
    for (const r of Object.values(c.results)) {
      if (r.status === 'ok') continue;
      const key = `${r.label} ${r.status}: ${r.reason ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), `\`${c.command}\` on ${c.corpus}`]);
    }
    const { specwright: sw, openspec: os } = c.results;
    if (sw.digest && os.digest && sw.digest !== os.digest) {
      mismatches.push(
        `\`${c.command}\` on ${c.corpus}: outputs differ: Specwright "${sw.digest}", OpenSpec "${os.digest}"`,
      );
    }
  }
  const notes = groups.size ? [] : ['Every run of every command exited 0 with the expected output.'];
  for (const [key, where] of groups) {
    const [head, ...rest] = key.split(': ');
    const scope = where.length === cases.length ? 'every command' : where.join(', ');
    notes.push(`${head} for ${scope}: ${rest.join(': ')}`);
  }
  return [...notes, ...mismatches, agreementLine(cases)].filter(Boolean);
}

/** How often the two CLIs' outputs agreed on the facts each command is checked for (counts and totals). */
function agreementLine(cases) {
  const compared = cases.filter((c) => c.results.specwright.digest && c.results.openspec.digest);
  if (!compared.length) return '';
  const same = compared.filter((c) => c.results.specwright.digest === c.results.openspec.digest).length;
  return `Output check (item counts, requirement/scenario counts, validate and archive totals): Specwright matched OpenSpec on ${same} of ${compared.length} commands.`;
}

export function textTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function markdownTable(headers, rows) {
  const line = (cells) =>
    `| ${cells.map((cell) => cell.replaceAll('|', '\\|').replaceAll('\n', ' ')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}
