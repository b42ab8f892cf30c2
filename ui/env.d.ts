// Build-time settings that only `npm run preview` sets, to point the UI at local
// stand-ins; unset in `npm run build`, where the UI talks to the real services.
interface ImportMetaEnv {
  readonly RIVERFLOW_OPENROUTER_URL?: string
  readonly RIVERFLOW_GOOGLE_FONTS_URL?: string
}
