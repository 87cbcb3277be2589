import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'gitops-releases/styles.css';
import './host.css';
import { App } from './App';
import { startFeeds } from './data';

startFeeds();

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
