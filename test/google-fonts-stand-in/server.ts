import { type Server, type ServerResponse, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A local stand-in for the Google Fonts CSS2 API (fonts.googleapis.com/css2):
 * `family=Name:wght@700` or `family=Name:ital,wght@1,700`, optional `text=`.
 * Like Google, it answers 400 for a family or a style it does not serve, and
 * CORS-allows any origin. Told to hang, it takes requests and never answers
 * them, as a stalled connection to Google would; told to be slow, it answers
 * each that late, as Google on a poor connection would.
 */
const FAMILIES: Record<string, { weights: number[]; italic: boolean }> = {
  Inter: { weights: [100, 200, 300, 400, 500, 600, 700, 800, 900], italic: true },
  Lobster: { weights: [400], italic: false },
}

export interface GoogleFontsStandIn {
  url: string
  requests: URL[]
  /** From now on, answer nothing (true) or answer again (false); requests already held stay unanswered. */
  hang: (on: boolean) => void
  /** From now on, answer each request this many milliseconds late (0: at once). */
  slow: (ms: number) => void
  close: () => Promise<void>
}

export async function startGoogleFontsStandIn(): Promise<GoogleFontsStandIn> {
  const requests: URL[] = []
  let hanging = false
  let delayMs = 0
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fonts.test')
    requests.push(url)
    if (hanging) return
    if (delayMs > 0) setTimeout(() => answer(url, response), delayMs)
    else answer(url, response)
  })
  const answer = (url: URL, response: ServerResponse) => {
    const headers = { 'Access-Control-Allow-Origin': '*' }
    const family = url.searchParams.get('family') ?? ''
    const match = /^([^:]+):(?:wght@(\d+)|ital,wght@([01]),(\d+))$/.exec(family)
    const served = match ? FAMILIES[match[1]] : undefined
    const weight = match ? Number(match[2] ?? match[4]) : 0
    const italic = match?.[3] === '1'
    if (url.pathname !== '/css2' || !match || !served || !served.weights.includes(weight) || (italic && !served.italic)) {
      response.writeHead(400, { ...headers, 'Content-Type': 'text/html' }).end('<html>400. That’s an error.</html>')
      return
    }
    const name = match[1].toLowerCase()
    const file = `https://fonts.gstatic.com/l/font?kit=${name}${weight}${italic ? 'i' : ''}&skey=test&v=v1`
    const css = `@font-face {\n  font-family: '${match[1]}';\n  font-style: ${italic ? 'italic' : 'normal'};\n  font-weight: ${weight};\n  src: url(${file}) format('woff2');\n}\n`
    response.writeHead(200, { ...headers, 'Content-Type': 'text/css; charset=utf-8' }).end(css)
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    hang: (on) => void (hanging = on),
    slow: (ms) => void (delayMs = ms),
    // Held requests would keep the server open for ever.
    close: () => new Promise((r) => {
      server.close(() => r())
      server.closeAllConnections()
    }),
  }
}
