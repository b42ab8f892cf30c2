import { describe, expect, it } from 'vitest'
import { GenerationError, MAY_HAVE_CHARGED, cancelledError, errorFromStatus, parseRetryAfter } from '../../../ui/answer/errors'

const body = (code: number, message: string, metadata?: object) => JSON.stringify({ error: { code, message, metadata } })

describe('errorFromStatus', () => {
  it.each([
    [400, 'bad-request', /refused the request\. Check the prompt and settings, then try again\. \(HTTP 400: image_size must be/],
    [401, 'bad-key', /key was not accepted.*Open Settings/],
    [402, 'no-credit', /Not enough OpenRouter credit.*Add credit/],
    [404, 'no-endpoint', /no provider for this model/],
    [408, 'upstream-timeout', /timed out/],
    [413, 'too-large', /4\.5 MB/],
    [429, 'rate-limited', /rate limiting.*Wait/],
    [500, 'unavailable', /HTTP 500/],
    [502, 'unavailable', /HTTP 502/],
    [503, 'unavailable', /HTTP 503/],
    [524, 'upstream-timeout', /may still have charged for it: check openrouter\.ai\/activity before trying again\. \(HTTP 524\)$/],
    [529, 'unavailable', /HTTP 529/],
  ])('maps HTTP %i to %s', (status, kind, message) => {
    const error = errorFromStatus(status, body(status, 'image_size must be one of 1K, 2K, 4K'))
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(status)
    expect(error.message).toMatch(message)
  })

  it('names the moderation reasons and the flagged input of a 403', () => {
    const error = errorFromStatus(403, body(403, 'Flagged', { reasons: ['violence', 'gore'], flagged_input: 'a bloody axe' }))
    expect(error.kind).toBe('moderation')
    expect(error.message).toContain('violence, gore')
    expect(error.message).toContain('a bloody axe')
  })

  it('says an Image API 502 was not charged: there it is a generation that failed, and is not billed', () => {
    const error = errorFromStatus(502, body(502, 'Generation failed'), null, 'images')
    expect(error).toMatchObject({ kind: 'unavailable', status: 502, mayHaveCharged: false })
    expect(error.message).toBe('Riverflow could not make the image, and OpenRouter did not charge for it. Try again, or try the other model. (HTTP 502: Generation failed)')
    // On chat completions a late 502 may follow a model that ran: nothing is promised there.
    expect(errorFromStatus(502, body(502, 'Generation failed')).message).not.toMatch(/charge/)
  })

  it('copes with a body that is not JSON (a proxy error page)', () => {
    expect(errorFromStatus(502, '<html>Bad Gateway</html>').message).toMatch(/HTTP 502/)
  })

  it('reads error bodies with other key names defensively', () => {
    expect(errorFromStatus(400, JSON.stringify({ error: 'aspect_ratio is invalid' })).message).toContain('aspect_ratio is invalid')
  })

  it('keeps OpenRouter’s words inside the one bracket that ends the message, even when they hold brackets of their own', () => {
    const message = errorFromStatus(400, body(400, 'Invalid input (at image_config.aspect_ratio): expected string')).message
    expect(message).toBe('OpenRouter refused the request. Check the prompt and settings, then try again. (HTTP 400: Invalid input [at image_config.aspect_ratio]: expected string)')
  })

  it('carries Retry-After in milliseconds', () => {
    expect(errorFromStatus(429, '', '7').retryAfterMs).toBe(7000)
  })

  it('says a rate limit of several minutes as it is, not as a minute', () => {
    expect(errorFromStatus(429, '', '7').message).toMatch(/Wait a minute, then try again\./)
    expect(errorFromStatus(429, '', '300').message).toMatch(/Wait 5 minutes, then try again\./)
    expect(errorFromStatus(429, '').message).toMatch(/Wait a minute, then try again\./)
  })

  it('never repeats a key that the server echoed back', () => {
    const error = errorFromStatus(400, body(400, 'Bad key sk-or-v1-fake-key-echoed-back'))
    expect(error.message).not.toContain('sk-or-v1-fake')
    expect(error.message).toContain('[key hidden]')
    expect(error.serverMessage).toBe('Bad key [key hidden]')
  })

  it('keeps OpenRouter’s own message whole, to tell one 404 from another', () => {
    const message = `No endpoints found for sourceful/riverflow-v2.6-pro. ${'More detail. '.repeat(20)}`
    expect(errorFromStatus(404, body(404, message)).serverMessage).toBe(message)
    expect(errorFromStatus(502, '<html>').serverMessage).toBeNull()
  })
})

describe('cancelledError', () => {
  it('says nothing was spent when nothing was sent', () => {
    expect(cancelledError()).toMatchObject({ kind: 'cancelled', message: 'Cancelled before anything was sent: nothing was placed, and nothing was spent.' })
  })

  it('says a request cancelled in flight may still be charged, and where to check', () => {
    const error = cancelledError(true)
    expect(error.kind).toBe('cancelled-in-flight')
    expect(error.message).toMatch(/^Cancelled while OpenRouter was making the image, so nothing was placed\. OpenRouter may still have charged for it: check openrouter\.ai\/activity/)
  })
})

describe('mayHaveCharged', () => {
  it('marks the failures the designer is told may still be charged, for the session to count', () => {
    expect(cancelledError(true).mayHaveCharged).toBe(true)
    expect(errorFromStatus(524, '').mayHaveCharged).toBe(true)
    // Refused, or never sent: nothing to count.
    expect(cancelledError().mayHaveCharged).toBe(false)
    expect(errorFromStatus(500, '').mayHaveCharged).toBe(false)
    expect(errorFromStatus(402, '').mayHaveCharged).toBe(false)
  })

  it('is what the raise site flagged, never read from the words: rewording them changes nothing the session counts', () => {
    expect(new GenerationError('timeout', 'No image in time. It may have cost you: see openrouter.ai/activity.', { mayHaveCharged: true }).mayHaveCharged).toBe(true)
    expect(new GenerationError('bad-request', `OpenRouter refused the request. (HTTP 400: ${MAY_HAVE_CHARGED})`).mayHaveCharged).toBe(false)
  })
})

describe('parseRetryAfter', () => {
  it.each([
    ['5', 5000],
    ['0', 0],
    ['', null],
    [null, null],
    ['soon', null],
  ])('reads %j as %j ms', (header, ms) => {
    expect(parseRetryAfter(header)).toBe(ms)
  })

  it('reads an HTTP date', () => {
    const now = Date.parse('2026-11-24T10:00:00Z')
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:30 GMT', now)).toBe(30_000)
  })
})
