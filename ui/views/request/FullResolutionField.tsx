import { Checkbox, Text } from '@create-figma-plugin/ui'

/** Whether an image over Figma's 4096 px lands whole, in tiles, rather than scaled down. */
export function FullResolutionField(props: { value: boolean; onChange: (value: boolean) => void }) {
  return (
    <div class="field">
      <Checkbox value={props.value} onValueChange={props.onChange}>
        <Text>Keep full resolution</Text>
      </Checkbox>
      {props.value && <span class="field-label">An image over 4096 px goes on a new layer as tiles, every pixel kept.</span>}
    </div>
  )
}
