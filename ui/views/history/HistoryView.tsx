import './history.css'
import { Button, Muted, SearchTextbox } from '@create-figma-plugin/ui'
import { useEffect, useState } from 'preact/hooks'
import type { GenerationRecord } from '../../../common/domain'
import { readRecord } from '../../../common/read/read-record'
import type { HistoryItem } from '../../../common/messages'
import { requestAsync } from '../../bridge'
import type { ModelCapabilities } from '../../models'
import { HistoryRow, entryTitle } from './HistoryRow'
import { RecentPrompts } from './RecentPrompts'

/** Rows drawn at once: each exports a thumbnail from its layer. */
const SHOWN = 30

/** This file's generations, newest first, searchable by prompt, each with what can be done with it. */
interface HistoryViewProps {
  recentPrompts: string[]
  /** The models on offer, to name each entry's model as the panel does. */
  models: readonly ModelCapabilities[]
  /** Reuse: the record to load, and why it is History's shortened copy when it is. */
  onUse: (record: GenerationRecord, note?: string) => void
  onUsePrompt: (prompt: string) => void
  onBack: () => void
}

export function HistoryView(props: HistoryViewProps) {
  const [items, setItems] = useState<HistoryItem[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  useEffect(() => {
    requestAsync('load-history', {}).then((loaded) => {
      // The file is shared: an entry any editor wrote is checked here too, and skipped with a note, never drawn broken.
      const readable = loaded.flatMap((item) => {
        const record = readRecord(item.record)
        return record ? [{ ...item, record }] : []
      })
      setItems(readable)
      if (readable.length < loaded.length) setProblem(`${loaded.length - readable.length} damaged history entries were skipped.`)
    }, (error: Error) => setProblem(error.message))
  }, [])
  const words = query.trim().toLowerCase()
  const found = (items ?? []).filter((item) => entryTitle(item.record).toLowerCase().includes(words))
  return (
    <main class="view">
      <div class="actions topbar">
        <span class="title">History of this file</span>
        <Button secondary onClick={props.onBack}>
          Back
        </Button>
      </div>
      <SearchTextbox aria-label="Search prompts" placeholder="Search prompts" value={query} onValueInput={setQuery} />
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {items && found.length === 0 && <Muted>{items.length === 0 ? 'No images generated in this file yet.' : 'No prompt matches.'}</Muted>}
      <ul class="history" aria-label="Generations">
        {found.slice(0, SHOWN).map((item) => (
          <HistoryRow key={`${item.layerIds.join()}-${item.record.createdAt}`} item={item} models={props.models} onUse={props.onUse} />
        ))}
      </ul>
      {found.length > SHOWN && <Muted>The {SHOWN} newest are shown; search to find older ones.</Muted>}
      <RecentPrompts prompts={props.recentPrompts.filter((p) => p.toLowerCase().includes(words))} onUse={props.onUsePrompt} />
    </main>
  )
}
