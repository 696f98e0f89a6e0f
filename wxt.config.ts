// Build configuration for the Chrome (MV3) and Firefox (MV2) extensions.
// The manifest lists the least permissions that serve; README explains each one.
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';

export default defineConfig({
  imports: false,
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    short_name: 'Cross-Ref',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'scripting', 'activeTab'],
    // The gate runs on the pages you read (automatic mode); README explains each permission.
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+X' },
        description: '__MSG_commandOpenPopup__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'riyadh-cross-ref@cross-ref.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  // The sources zip for store review: what builds the extension, not tests, screenshots or results.
  zip: {
    excludeSources: ['artifacts/**', 'bench/**', 'docs/**', 'test/**', '.ci/**', 'web-ext-artifacts/**'],
  },
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  hooks: {
    // The compiled corpus index ships as a plain resource the background reads on install.
    // The engine's data ship as plain resources the background reads: the compiled corpus index,
    // the word vectors and the stance model.
    'build:publicAssets': (_wxt, assets) => {
      const files: [string, string][] = [
        ['.generated/corpus-index.json', 'corpus-index.json'],
        ['lib/text/embeddings.bin', 'engine/embeddings.bin'],
        ['lib/text/embeddings-vocab.json', 'engine/embeddings-vocab.json'],
        ['lib/match/weights/stance.json', 'engine/stance.json'],
      ];
      for (const [src, dest] of files) assets.push({ absoluteSrc: resolve(import.meta.dirname, src), relativeDest: dest });
    },
  },
});
