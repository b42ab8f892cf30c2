export interface PixelSize {
  width: number
  height: number
}

/** `size` times `scale` in whole pixels, at least 1 px a side: a canvas or export of 0 px fails. */
export function scaleSize(size: PixelSize, scale: number): PixelSize {
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)) }
}
