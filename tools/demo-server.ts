// A local web server for the demo site (npm start) and the browser tests: 127.0.0.1 only, a free
// port unless one is given. Extra routes can be added by tests (SPA and hostile pages).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { demoPages, renderIndex, type DemoPage } from './demo-pages';
import { loadCompiled } from './corpus-files';

export interface DemoServer {
  url: string;
  pages: DemoPage[];
  server: Server;
  close(): Promise<void>;
}

/** A response served as it is: bytes (or text) with their own content type (e.g. a page in windows-1252). */
export interface RawResponse {
  body: Uint8Array | string;
  type: string;
}

/** Starts the server; `extra` maps paths to HTML (UTF-8) or to raw responses, served as they are. */
export async function startDemoServer(port = 0, extra: Record<string, string | RawResponse> = {}): Promise<DemoServer> {
  const pages = demoPages(loadCompiled());
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = byPath.get(path);
    const found = path === '/' ? renderIndex(pages) : page ? page.html() : extra[path];
    if (found === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const { body, type } = typeof found === 'string' ? { body: found, type: 'text/html; charset=utf-8' } : found;
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${actual}`, pages, server, close: () => new Promise((r) => server.close(() => r())) };
}

if (process.argv[1] && /demo-server\.ts$/.test(process.argv[1])) {
  const port = Number(process.argv[2] ?? 8787);
  void startDemoServer(port).then((s) => console.log(`demo site at ${s.url}/ (${s.pages.length} pages)`));
}
