import { useState } from 'preact/hooks';
import { endpointRefusal, type EndpointChoice } from '../../src/shared/partitions';
import { cliCommand, cliInputJson } from '../cli-command';
import { t } from '../../src/shared/i18n';
import { Checkbox } from './Checkbox';

interface Props {
  userName: string;
  serialNumber: string;
  code1: string;
  code2: string;
  /** Where the extension sends the resync (session partition + effective endpoint settings). */
  endpoint: EndpointChoice;
}

/** The equivalent AWS CLI call, shown and copyable; codes left out unless the user asks. */
export function CopyAsCli({ endpoint, ...props }: Props) {
  const [includeCodes, setIncludeCodes] = useState(false);
  const [copied, setCopied] = useState(false);
  // A combination the extension refuses has no command: it would name a host nothing calls.
  if (endpointRefusal(endpoint)) {
    return (
      <details class="cli" data-testid="copy-as-cli">
        <summary>{t('cli_summary')}</summary>
        <p class="hint" data-testid="cli-endpoint-refused">
          {t('error_EndpointUnsupported_next')}
        </p>
      </details>
    );
  }
  const input = { ...props, endpoint, includeCodes };
  const command = cliCommand(input);
  const json = cliInputJson(input);
  const copy = async (text: string) => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <details class="cli" data-testid="copy-as-cli">
      <summary>{t('cli_summary')}</summary>
      <Checkbox
        testId="cli-include-codes"
        label={t('cli_include_codes')}
        checked={includeCodes}
        onChange={setIncludeCodes}
      />
      <pre data-testid="cli-command">{command}</pre>
      <button type="button" data-testid="cli-copy" onClick={() => void copy(command)}>
        {copied ? t('cli_copied') : t('cli_copy')}
      </button>
      <pre data-testid="cli-json">{json}</pre>
      <button type="button" data-testid="cli-copy-json" onClick={() => void copy(json)}>
        {t('cli_copy_json')}
      </button>
    </details>
  );
}
