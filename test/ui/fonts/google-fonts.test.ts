import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axesFromStyle, fontUrlFromCss, resolveGoogleFontAsync } from '../../../ui/fonts/google-fonts'
import { type GoogleFontsStandIn, startGoogleFontsStandIn } from '../../google-fonts-stand-in/server'

describe('axesFromStyle', () => {
  it.each([
    ['Regular', 400, false],
    ['Italic', 400, true],
    ['Bold', 700, false],
    ['Semi Bold Italic', 600, true],
    ['SemiBold', 600, false],
    ['Extra Light', 200, false],
    ['ExtraBold Italic', 800, true],
    ['Thin', 100, false],
    ['Black', 900, false],
    ['Medium', 500, false],
  ])('%s → %i, italic %s', (style, weight, italic) => {
    expect(axesFromStyle(style)).toEqual({ weight, italic })
  })
})

describe('fontUrlFromCss', () => {
  it('finds the file in an @font-face src', () => {
    expect(fontUrlFromCss("@font-face { src: url(https://fonts.gstatic.com/s/inter/v1/a.woff2) format('woff2'); }")).toBe(
      'https://fonts.gstatic.com/s/inter/v1/a.woff2',
    )
  })
  it('returns null without one', () => {
    expect(fontUrlFromCss('body { color: red }')).toBeNull()
  })
})

describe('resolveGoogleFontAsync (against a local stand-in of the CSS2 API)', () => {
  let fonts: GoogleFontsStandIn
  beforeAll(async () => {
    fonts = await startGoogleFontsStandIn()
  })
  afterAll(() => fonts.close())

  it('resolves a family and style to the font file, asking only for the glyphs of the text', async () => {
    const result = await resolveGoogleFontAsync('Inter', 'Semi Bold Italic', 'Big Sale', { baseUrl: fonts.url })
    expect(result).toEqual({ ok: true, url: 'https://fonts.gstatic.com/l/font?kit=inter600i&skey=test&v=v1' })
    const asked = fonts.requests.at(-1)!
    expect(asked.searchParams.get('family')).toBe('Inter:ital,wght@1,600')
    expect(asked.searchParams.get('text')).toBe('Big Sale')
  })

  it('never sends a key the text layer holds to Google: only openrouter.ai is sent a key', async () => {
    const result = await resolveGoogleFontAsync('Inter', 'Bold', 'Your key: sk-or-v1-0123456789abcdef', { baseUrl: fonts.url })
    expect(result.ok).toBe(true)
    const asked = fonts.requests.at(-1)!
    expect(asked.toString()).not.toMatch(/sk-or|0123456789abcdef/)
    expect(asked.searchParams.get('text')).toMatch(/^Your key: /)
  })

  it('says to paste a URL for a family Google does not serve', async () => {
    const result = await resolveGoogleFontAsync('Helvetica Neue', 'Bold', 'Hi', { baseUrl: fonts.url })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(/Google Fonts does not serve “Helvetica Neue Bold”\. Paste a URL/)
  })

  it('says so for a style the family lacks', async () => {
    const result = await resolveGoogleFontAsync('Lobster', 'Bold', 'Hi', { baseUrl: fonts.url })
    expect(result.ok).toBe(false)
  })

  it('gives up on a lookup Google never answers, and says so, rather than waiting for ever', async () => {
    fonts.hang(true)
    try {
      const result = await resolveGoogleFontAsync('Inter', 'Bold', 'Hi', { baseUrl: fonts.url, timeoutMs: 300 })
      expect(result).toMatchObject({ ok: false, reason: 'late', message: expect.stringMatching(/^Google Fonts did not answer in time to find this font\. Paste a URL/) })
    } finally {
      fonts.hang(false)
    }
  })

  it('says so when Google Fonts cannot be reached', async () => {
    const result = await resolveGoogleFontAsync('Inter', 'Bold', 'Hi', { baseUrl: 'http://127.0.0.1:9' })
    expect(!result.ok && result.message).toMatch(/Could not reach Google Fonts/)
  })
})
