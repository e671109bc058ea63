import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { registerServiceWorker } from './offline/registerServiceWorker.ts';
import { useStore } from './state/store.ts';
import './ui/styles.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<StrictMode><App /></StrictMode>);
registerServiceWorker((message) => useStore.getState().setNotices([message, ...useStore.getState().notices]));
