// Start-up: translations first, then the event wiring and the first load, then React.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/index.ts';
import './styles.css';
import { onUnauthorized } from './api/client.ts';
import { App } from './App.tsx';
import { useApp } from './state/app.ts';
import { useErrors } from './state/errors.ts';
import { connectEvents } from './state/events.ts';

onUnauthorized(() => useErrors.getState().markUnauthorized());
connectEvents();
void useApp.getState().refresh(); // reports its own errors to the errors store

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
