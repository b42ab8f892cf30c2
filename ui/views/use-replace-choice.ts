import { useEffect, useState } from 'preact/hooks'
import type { SelectedLayer } from '../../common/selection'

/**
 * "Replace this image" for the current selection only: it resets whenever the
 * selection changes, so replacing a take is always the designer's explicit
 * choice and never a leftover from another layer.
 */
export function useReplaceChoice(selection: readonly SelectedLayer[]): [boolean, (replace: boolean) => void] {
  const [replace, setReplace] = useState(false)
  const selected = selection.map((layer) => layer.id).join(',')
  useEffect(() => setReplace(false), [selected])
  return [replace, setReplace]
}
