import { IconButton, IconSettingsSmall24, IconVersionHistorySmall24 } from '@create-figma-plugin/ui'

interface TopBarProps {
  /** What is left on the key and spent this session, in a line; cut with an ellipsis when the panel is narrow. */
  credit: string
  /** What the line cannot say in a few words (why the spend is a range), added to its tooltip. */
  creditWhy: string | null
  onOpenHistory: () => void
  onOpenSettings: () => void
}

/** The panel's top: the money first, then History and Settings as icons with tooltips, as Figma's own panels show them. */
export function TopBar({ credit, creditWhy, onOpenHistory, onOpenSettings }: TopBarProps) {
  return (
    <div class="actions topbar">
      <span class="credit muted" title={creditWhy ? `${credit}. ${creditWhy}` : credit}>
        {credit}
      </span>
      <span class="icons">
        <IconButton aria-label="History" title="History of this file" onClick={onOpenHistory}>
          <IconVersionHistorySmall24 />
        </IconButton>
        <IconButton aria-label="Settings" title="Settings: account, defaults, brand kits" onClick={onOpenSettings}>
          <IconSettingsSmall24 />
        </IconButton>
      </span>
    </div>
  )
}
