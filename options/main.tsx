import { render } from 'preact';
import { t } from './i18n';
import { OptionsPage } from './OptionsPage';

document.title = t('options_title');
const root = document.getElementById('app');
if (root) render(<OptionsPage />, root);
