import '!@create-figma-plugin/ui/css/base.css'
import './styles.css'
import { render } from 'preact'
import { App } from './App'
import { ErrorBoundary } from './views/ErrorBoundary'
import { ResizeGrip } from './components/ResizeGrip'

render(
  <ErrorBoundary>
    <App />
    <ResizeGrip />
  </ErrorBoundary>,
  document.getElementById('app') as HTMLElement,
)
