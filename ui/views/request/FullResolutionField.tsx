import { Checkbox, Text } from '@create-figma-plugin/ui'

/** Whether an image over Figma's 4096 px lands whole, in tiles, rather than scaled down. */
export function FullResolutionField(props: { value: boolean; onChange: (value: boolean) => void }) {
  return (
    <div class="field">
      <Checkbox value={props.value} onValueChange={props.onChange}>
        <Text>Keep full resolution</Text>
      </Checkbox>
      {/* Said either way: what the box changes is the reason to tick it or not. */}
      <span class="field-label">
        {props.value ? 'An image over 4096 px goes on a new layer as tiles, every pixel kept.' : 'An image over 4096 px is scaled down to fit Figma; the panel keeps its original to download.'}
      </span>
    </div>
  )
}
