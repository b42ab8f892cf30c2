import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// Figma shows networkAccess to designers and reviewers: it must name exactly where
// the plugin connects, and say what it sends there.
const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { networkAccess: { allowedDomains: string[]; reasoning: string } }
const { allowedDomains, reasoning } = manifest.networkAccess

describe('manifest.json networkAccess', () => {
  it('names each allowed domain as a bare https origin: no path, query, port or trailing slash', () => {
    expect(allowedDomains.length).toBeGreaterThan(0)
    for (const domain of allowedDomains) {
      expect(domain).toMatch(/^https:\/\/[a-z0-9-]+(\.[a-z0-9-]+)+$/)
      expect(new URL(domain).origin).toBe(domain)
    }
  })

  it('says, for each host, what goes there', () => {
    for (const domain of allowedDomains) expect(reasoning).toContain(new URL(domain).host)
    const sentences = reasoning.split(/(?<=\.)\s+/)
    const about = (host: string) => sentences.filter((s) => s.includes(host)).join(' ')
    // OpenRouter: the prompt, the images and the designer's key.
    expect(about('openrouter.ai')).toMatch(/prompt/)
    expect(about('openrouter.ai')).toMatch(/images/)
    expect(about('openrouter.ai')).toMatch(/key/)
    // Google Fonts: a selected text layer's characters and font name, to find the font file.
    expect(about('fonts.googleapis.com')).toMatch(/text layer/)
    expect(about('fonts.googleapis.com')).toMatch(/characters/)
    expect(about('fonts.googleapis.com')).toMatch(/font name/)
    expect(about('fonts.googleapis.com')).toMatch(/font file/)
  })
})
