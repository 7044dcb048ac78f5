import { render } from 'preact';
import { applyDocumentLanguage, t } from '../src/shared/i18n';
import { App } from './App';

document.title = t('extName');
applyDocumentLanguage();
const root = document.getElementById('app');
if (root) render(<App />, root);
