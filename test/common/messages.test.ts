import { describe, expect, it } from 'vitest'
import { type ArrivingBytes, receiveSlice, takeArrived } from '../../common/messages'

describe('bytes arriving in slices', () => {
  it('are the very bytes sent, each slice copied into place as it comes', () => {
    const arriving = new Map<string, ArrivingBytes>()
    receiveSlice(arriving, 'a', new Uint8Array([1, 2, 3]), 7)
    receiveSlice(arriving, 'b', new Uint8Array([9]), 1)
    receiveSlice(arriving, 'a', new Uint8Array([4, 5, 6, 7]), 7)
    expect([...takeArrived(arriving, 'a')!]).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect([...takeArrived(arriving, 'b')!]).toEqual([9])
    expect(arriving.size).toBe(0)
  })

  it('end at the length the first slice named: more does not overflow, fewer gives what came', () => {
    const arriving = new Map<string, ArrivingBytes>()
    receiveSlice(arriving, 'a', new Uint8Array([1, 2]), 3)
    receiveSlice(arriving, 'a', new Uint8Array([3, 4, 5]), 99)
    expect([...takeArrived(arriving, 'a')!]).toEqual([1, 2, 3])
    receiveSlice(arriving, 'b', new Uint8Array([1]), 4)
    expect([...takeArrived(arriving, 'b')!]).toEqual([1])
  })

  it('are none for a message that had no slices ahead of it', () => {
    expect(takeArrived(new Map(), 'a')).toBeUndefined()
  })
})
