import { render } from 'preact';
import { applyDocumentLanguage, t } from '../src/shared/i18n';
import { OptionsPage } from './OptionsPage';

document.title = t('options_title');
applyDocumentLanguage();
const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
