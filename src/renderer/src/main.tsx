import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { languageStore } from './i18n/languageStore'
import { session } from './session'
import { SessionContext } from './sessionContext'
import './styles/global.css'

document.documentElement.lang = languageStore.getState().language

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

createRoot(container).render(
  <StrictMode>
    <SessionContext.Provider value={session}>
      <App />
    </SessionContext.Provider>
  </StrictMode>,
)
