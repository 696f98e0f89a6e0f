// The layers of lib/, checked by `npm run lint:layers` (part of `npm test`). A folder may import only
// the folders listed for it (and itself); anything else, any cycle, and any import of research code
// (tools/) or tests from what the extension runs fails the build. Lower layers first:
//
//   core      shared types, errors, URL checks                     (imports nothing of lib)
//   text      the NLP layer: tokens, stems, entities, figures, cues, sentences, BM25
//   claims    generic claim frames read off a sentence (uses text)
//   gate      the coverage decision the page scripts run (uses text)
//   extract   article extraction from a page's DOM (uses text)
//   corpus    parsing the outlet documents into articles and statements, the event signature
//   match     the cross-referencing engine
//   store     IndexedDB persistence (imports core; other layers' types only)
//   protocol  lib/messages.ts, the typed messages (core; other layers' types only)
//   browser   the one browser adapter (protocol)
//   view      what the popup and options render from a report (core)
//   page      the content-script side: gate runner, extractor controller, markers
//   background the service worker's logic
const layers = {
  core: [],
  text: ['core'],
  claims: ['core', 'text'],
  gate: ['core', 'text'],
  extract: ['core', 'text'],
  corpus: ['core', 'text', 'claims', 'gate'],
  match: ['core', 'text', 'claims', 'gate', 'corpus'],
  store: ['core'],
  view: ['core'],
  browser: ['core', 'messages'],
  page: ['core', 'text', 'gate', 'extract', 'messages', 'browser'],
  background: ['core', 'text', 'claims', 'gate', 'corpus', 'match', 'store', 'messages', 'browser'],
};
/** A folder of lib/ (or lib/messages.ts) as a path pattern. */
const at = (f) => (f === 'messages' ? '^lib/messages\\.ts$' : `^lib/${f}/`);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle, inside a folder or between folders.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'runtime-not-research',
      severity: 'error',
      comment: 'What the extension runs (lib/, entrypoints/) never imports tools/ or test/.',
      from: { path: '^(lib|entrypoints)/' },
      to: { path: '^(tools|test)/' },
    },
    {
      name: 'lib-not-entrypoints',
      severity: 'error',
      comment: 'lib/ never imports an entry point.',
      from: { path: '^lib/' },
      to: { path: '^entrypoints/' },
    },
    ...Object.entries(layers).map(([layer, allowed]) => ({
      name: `layer-${layer}`,
      severity: 'error',
      comment: `lib/${layer} may import only ${allowed.length ? allowed.join(', ') : 'nothing else of lib'}.`,
      from: { path: at(layer) },
      to: {
        path: '^lib/',
        pathNot: [at(layer), ...allowed.map(at)],
        // store, view and protocol may name other layers' types (erased at build time), never their code.
        ...(['store', 'view'].includes(layer) ? { dependencyTypesNot: ['type-only'] } : {}),
      },
    })),
    {
      name: 'layer-messages',
      severity: 'error',
      comment: "lib/messages.ts (the protocol) imports core, and other layers' types only.",
      from: { path: at('messages') },
      to: { path: '^lib/', pathNot: [at('core')], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '(^|/)(\\.wxt|\\.output|node_modules)/' },
  },
};
