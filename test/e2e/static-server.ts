import { readFile } from 'node:fs/promises'
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
}

export interface StaticServer {
  url: string
  close: () => Promise<void>
}

/** Answers a request itself, or returns false to let the files be served. */
export type ExtraRoute = (request: IncomingMessage, response: ServerResponse) => boolean

/** Serves files under `roots` (URL prefix → folder) on 127.0.0.1, for the host page. */
export async function startStaticServerAsync(
  roots: Record<string, string>,
  options: { port?: number; route?: ExtraRoute } = {},
): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    if (options.route?.(request, response)) return
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const prefix = Object.keys(roots)
      .sort((a, b) => b.length - a.length)
      .find((p) => path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`))
    if (prefix === undefined) {
      response.writeHead(404).end()
      return
    }
    const relative = normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, '')
    const file = join(roots[prefix], relative === '' || relative === '/' || relative === '.' ? 'index.html' : relative)
    try {
      const body = await readFile(file)
      response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' })
      response.end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject) // e.g. the port is taken
    server.listen(options.port ?? 0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
