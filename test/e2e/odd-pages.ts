// The odd pages the browser tests of odd pages serve (Chromium and Firefox ESR): a single 5 MB
// paragraph, a page with no text, a frameset, a page that rewrites its body every 100 ms, a page that
// throws in its own scripts, a page in windows-1252, and an unrelated page.
import type { RawResponse } from '../../tools/demo-server';
import { articlePage, UNRELATED } from './e2e-helpers';

const COVERAGE = [
  'Sergey Lavrov and Marco Rubio met at Diriyah Palace in Riyadh on Tuesday with Yuri Ushakov, Mike Waltz and Steve Witkoff at the table.',
  'The talks lasted more than four hours and covered the restoration of diplomatic ties, future Ukraine peace talks and a summit between Putin and Trump.',
  'Witkoff called the meeting positive, upbeat and constructive, and Lavrov said the conversation had been very useful.',
];

// ~5 MB in one paragraph: the event's names in the first lines, then the same sentences over and over.
const HUGE = articlePage('Lavrov and Rubio meet in Riyadh', [COVERAGE[0]!, (COVERAGE.join(' ') + ' ').repeat(Math.ceil(5_000_000 / 400))]);
const EMPTY = '<!doctype html><html><head><meta charset="utf-8"><title>Lavrov and Rubio in Riyadh</title></head><body></body></html>';
const FRAMESET = `<!doctype html><html><head><meta charset="utf-8"><title>Riyadh talks — frames</title></head>
<frameset cols="30%,70%"><frame src="/odd/empty"><frame src="/odd/throwing"></frameset></html>`;
const REWRITING = articlePage('Lavrov and Rubio meet in Riyadh', COVERAGE, {
  bodyEnd: `<script>
var n = 0;
setInterval(function () {
  n++;
  document.querySelector('article').innerHTML = '<h1>Lavrov and Rubio meet in Riyadh (' + n + ')</h1>' +
    ${JSON.stringify(COVERAGE.map((p) => `<p>${p}</p>`).join(''))};
}, 100);
</script>`,
});
const THROWING = articlePage('Lavrov and Rubio meet in Riyadh', COVERAGE, {
  head: `<script>throw new Error('page script fails in head');</script>`,
  bodyEnd: `<script>
window.addEventListener('load', function () { throw new Error('page load handler fails'); });
setInterval(function () { null.x; }, 200);
Promise.reject(new Error('unhandled rejection'));
</script>`,
});
// windows-1252: curly quotes and an en dash as single bytes 0x93 0x94 0x96 (invalid as UTF-8).
function cp1252(html: string): RawResponse {
  const map: Record<string, number> = { '“': 0x93, '”': 0x94, '–': 0x96, é: 0xe9 };
  const bytes: number[] = [];
  for (const ch of html) bytes.push(map[ch] ?? ch.charCodeAt(0));
  return { body: Uint8Array.from(bytes), type: 'text/html; charset=windows-1252' };
}
const LEGACY = cp1252(
  articlePage('Lavrov and Rubio meet in Riyadh – talks at Diriyah Palace', [
    ...COVERAGE.slice(0, 2),
    'Witkoff called the meeting “positive, upbeat and constructive”, and Lavrov said the talks were “very useful” for the détente.',
  ]).replace('<meta charset="utf-8">', '<meta charset="windows-1252">'),
);
const GARDEN = articlePage('Spring in the garden', UNRELATED);

export const ODD_ROUTES: Record<string, string | RawResponse> = {
  '/odd/huge': HUGE,
  '/odd/empty': EMPTY,
  '/odd/frameset': FRAMESET,
  '/odd/rewriting': REWRITING,
  '/odd/throwing': THROWING,
  '/odd/legacy': LEGACY,
  '/odd/garden': GARDEN,
};
