import type { ReactNode } from 'react'
import './publish.css'

/** The right-hand panel frame shared by Publish and History: a titled aside with Close. */
export function SidePanel(props: {
  title: string
  testId: string
  onClose(): void
  children: ReactNode
}) {
  return (
    <aside className="publish-panel" aria-label={props.title} data-testid={props.testId}>
      <header className="publish-header">
        <h2>{props.title}</h2>
        <button type="button" className="link" aria-label="Close" onClick={props.onClose}>
          ×
        </button>
      </header>
      {props.children}
    </aside>
  )
}
