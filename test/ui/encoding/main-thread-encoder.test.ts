import { describe, expect, it } from 'vitest'
import { encodedFormatOf } from '../../../ui/encoding/main-thread-encoder'

describe('encodedFormatOf', () => {
  it('reads the format an encoder made from its MIME type', () => {
    expect(['image/png', 'image/jpeg', 'image/webp'].map(encodedFormatOf)).toEqual(['png', 'jpeg', 'webp'])
  })

  it('says PNG for anything else: a browser without a WebP encoder makes PNG', () => {
    expect(['image/gif', ''].map(encodedFormatOf)).toEqual(['png', 'png'])
  })
})
