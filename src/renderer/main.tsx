import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { createTransport } from './api/transport'
import { connect } from './state/store'
import './styles.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

void connect(createTransport())
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
