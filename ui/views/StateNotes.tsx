/** What could not be kept of the settings saved last time: said once, then dismissed. */
export function StateNotes(props: { notes: string[]; onDismiss: () => void }) {
  if (props.notes.length === 0) return null
  return (
    <div class="view notice" role="status" aria-label="Settings changed">
      {props.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      <button class="link-button" onClick={props.onDismiss}>
        OK
      </button>
    </div>
  )
}
