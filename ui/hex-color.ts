/** `#RRGGBB`, the only colour form `background_hex_color` takes; anything else is a 400 (docs/contracts.md#scoring-and-background). */
export function isHexColor(value: string): boolean {
  return /^#[0-9A-Fa-f]{6}$/.test(value)
}
