/**
 * Renders the extension icon SVGs to PNGs.
 *
 *   npx tsx tools/render-icons.ts
 *
 * Sources:
 *   tools/icons/icon.svg        full-detail mark (used for 32, 48 and 128 px)
 *   tools/icons/icon-small.svg  pixel-fitted variant drawn on a 16-unit grid (used for 16 px)
 *
 * Output: public/icon/{16,32,48,128}.png (transparent background).
 *
 * Uses playwright-core with the system Chromium (/usr/bin/chromium); it never
 * downloads a browser.
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const publicDir = path.join(root, 'public');
const svgDir = path.join(root, 'tools', 'icons');
const outDir = path.join(publicDir, 'icon');

/** Which SVG source to use for each output size. */
const targets: ReadonlyArray<{ size: number; source: string }> = [
  { size: 16, source: 'icon-small.svg' },
  { size: 32, source: 'icon.svg' },
  { size: 48, source: 'icon.svg' },
  { size: 128, source: 'icon.svg' },
];

/** Strip the XML prolog/comments so the SVG can be inlined into HTML. */
function inlineSvg(svg: string, size: number): string {
  const body = svg
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
  // Force the rendered size regardless of any width/height in the source.
  const sized = body.replace(/<svg\b([^>]*)>/, (_m, attrs: string) => {
    const cleaned = attrs.replace(/\s(width|height)="[^"]*"/g, '');
    return `<svg${cleaned} width="${size}" height="${size}">`;
  });
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<style>
  html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
  svg { display: block; }
</style>
</head>
<body>${sized}</body>
</html>`;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });

  try {
    const sources = new Map<string, string>();
    for (const { size, source } of targets) {
      let svg = sources.get(source);
      if (svg === undefined) {
        svg = await readFile(path.join(svgDir, source), 'utf8');
        sources.set(source, svg);
      }

      const context = await browser.newContext({
        viewport: { width: size, height: size },
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      await page.setContent(inlineSvg(svg, size), { waitUntil: 'load' });

      const file = path.join(outDir, `${size}.png`);
      await page.screenshot({
        path: file,
        omitBackground: true,
        clip: { x: 0, y: 0, width: size, height: size },
      });
      await context.close();
      console.log(`${path.relative(root, file)}  (${size}x${size} from ${source})`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
