import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { liftDataUrls, restoreLiftedUrl } from '../../../ui/answer/lift-data-urls'

/** The parsed answer with every placeholder turned back into its URL. */
function parseLifted(text: string): unknown {
  const lifted = liftDataUrls(text)
  const restore = (value: unknown): unknown =>
    typeof value === 'string'
      ? restoreLiftedUrl(value, lifted)
      : Array.isArray(value)
        ? value.map(restore)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, restore(v)]))
          : value
  return restore(JSON.parse(lifted.text))
}

const base64 = (length: number) => 'iVBORw0KGgo+/AB'.repeat(Math.ceil(length / 15)).slice(0, length)

describe('liftDataUrls', () => {
  it('takes a large image out of the text, leaving a short placeholder', () => {
    const url = `data:image/png;base64,${base64(50_000)}`
    const text = `\n \n${JSON.stringify({ choices: [{ message: { images: [{ image_url: { url } }] } }] })}`
    const lifted = liftDataUrls(text)
    expect(lifted.urls).toEqual([url])
    expect(lifted.text.length).toBeLessThan(200)
    expect(parseLifted(text)).toEqual(JSON.parse(text))
  })

  it('parses to the same answer as JSON.parse, whatever the strings hold', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer({ min: 0, max: 3000 }).map((n) => `data:image/png;base64,${base64(n)}`),
      fc.string().map((s) => `data:${s}`),
    )
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), value), { maxLength: 6 }), fc.boolean(), (entries, escapeSlashes) => {
        // Some writers escape "/" as "\/"; the URL must then be left to JSON.parse.
        let text = JSON.stringify({ images: entries.map(([key, url]) => ({ [key]: url, note: `see "${url}"` })) })
        if (escapeSlashes) text = text.replaceAll('/', '\\/')
        expect(parseLifted(text)).toEqual(JSON.parse(text))
      }),
    )
  })

  it('leaves a text with no data URL as it is', () => {
    const text = '{"error":{"code":402,"message":"Insufficient credits"}}'
    expect(liftDataUrls(text)).toEqual({ text, urls: [] })
  })
})
