import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import type { BrandKit, BrandKits } from '../../common/brand-kit'
import type { SelectedLayer } from '../../common/selection'
import { requestAsync } from '../bridge'
import { type ReadyKit, readyKitAsync } from './ready-kit'

export interface BrandKitsState {
  kits: BrandKit[]
  /** The file's kit with its fonts found; null when none is chosen or it is still being read. */
  ready: ReadyKit | null
  chosenId: string | null
  /** The chosen kit's name, for what the panel says while it reads it; null for none. */
  chosenName: string | null
  /** The kit the file uses when its page is gone, so none is sent: said where the kit is chosen. */
  gone: BrandKits['gone']
  /** A click must read the kits first: one is chosen, or they have not been read yet. */
  mayApply: boolean
  /**
   * Reads the kits again from their pages and finds the chosen kit's fonts:
   * the kit as it is at the click. Rejects when the kits cannot be read.
   */
  refreshAsync: () => Promise<ReadyKit | null>
  busy: boolean
  /** A failure of the last step (reading, choosing, making), for the designer. */
  message: string | null
  choose: (kitId: string | null) => void
  /** Makes a kit from the selection, the file's from then on: its name as the page took it, or null when it failed (said in `message`). */
  make: (name: string) => Promise<string | null>
}

/**
 * The file's brand kits and the one it uses. Read when the panel opens, again
 * when the selection changes (editing the kit page changes it), so a layer
 * deleted from the kit is said before the next Generate, and again at each
 * click (refreshAsync): a kit page changed with no selection change is sent as
 * it is. The choice is the file's (document plugin data), never this machine's.
 */
export function useBrandKits(selection: readonly SelectedLayer[], enabled = true): BrandKitsState {
  const [kits, setKits] = useState<BrandKits>({ kits: [], chosenId: null })
  const [loaded, setLoaded] = useState(false)
  const [ready, setReady] = useState<ReadyKit | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  const latest = useRef(0)

  const take = useCallback(async (next: BrandKits): Promise<ReadyKit | null> => {
    const turn = ++latest.current
    setKits(next)
    setLoaded(true)
    const kit = next.kits.find((k) => k.id === next.chosenId) ?? null
    const found = kit ? await readyKitAsync(kit) : null
    // A later read wins: an older font lookup finishing late must not bring back an old kit.
    if (turn === latest.current) setReady(found)
    return found
  }, [])

  const failed = (error: unknown) => setMessage(error instanceof Error ? error.message : 'The brand kits could not be read.')

  // Not before there is a key: the first run is about signing in, and asks the sandbox nothing else.
  useEffect(() => {
    if (enabled) requestAsync('load-brand-kits', {}).then(take, failed)
  }, [selection, take, enabled])

  const refreshAsync = useCallback(async () => take(await requestAsync('load-brand-kits', {})), [take])

  const choose = useCallback(
    (kitId: string | null) => {
      setMessage(null)
      requestAsync('choose-brand-kit', { kitId })
        .then(() => requestAsync('load-brand-kits', {}))
        .then(take, failed)
    },
    [take],
  )

  const make = useCallback(
    async (name: string) => {
      setBusy(true)
      setMessage(null)
      const next = await requestAsync('make-brand-kit', { name }).catch(failed)
      if (next) await take(next).catch(failed)
      setBusy(false)
      return next ? (next.kits.find((kit) => kit.id === next.chosenId)?.name ?? null) : null
    },
    [take],
  )

  const current = ready && ready.kit.id === kits.chosenId ? ready : null
  const chosen = kits.kits.find((k) => k.id === kits.chosenId)
  return {
    kits: kits.kits,
    chosenId: kits.chosenId,
    chosenName: chosen?.name ?? null,
    gone: kits.gone ?? null,
    mayApply: !loaded || chosen !== undefined,
    refreshAsync,
    ready: current,
    busy,
    message,
    choose,
    make,
  }
}
