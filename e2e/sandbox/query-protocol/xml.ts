// XML documents in the exact shape the AWS Query protocol uses, so the SDK's and botocore's
// parsers read them as they read IAM/STS answers.
import type { AwsError } from './aws-error';

export type AwsService = 'iam' | 'sts';

export const SERVICE_NAMESPACES: Record<AwsService, string> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

export const SERVICE_VERSIONS: Record<AwsService, string> = {
  iam: '2010-05-08',
  sts: '2011-06-15',
};

/** For text content only (quotes stay literal there, so messages read naturally in raw XML). */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An element whose content is already XML (children). */
export function xmlElement(name: string, innerXml: string): string {
  return `<${name}>${innerXml}</${name}>`;
}

/** An element holding text, escaped. */
export function textElement(name: string, text: string | number | boolean): string {
  return `<${name}>${escapeXml(String(text))}</${name}>`;
}

/** `<XResponse><XResult>…</XResult><ResponseMetadata>…` — actions without output omit XResult, like IAM. */
export function successDocument(
  service: AwsService,
  action: string,
  resultXml: string | null,
  requestId: string,
): string {
  const result = resultXml === null ? '' : xmlElement(`${action}Result`, resultXml);
  const metadata = xmlElement('ResponseMetadata', textElement('RequestId', requestId));
  return `<${action}Response xmlns="${SERVICE_NAMESPACES[service]}">\n${result}\n${metadata}\n</${action}Response>\n`;
}

export function errorDocument(service: AwsService, error: AwsError, requestId: string): string {
  const body =
    textElement('Type', error.type) + textElement('Code', error.code) + textElement('Message', error.message);
  return (
    `<ErrorResponse xmlns="${SERVICE_NAMESPACES[service]}">\n` +
    `  ${xmlElement('Error', body)}\n  ${textElement('RequestId', requestId)}\n</ErrorResponse>\n`
  );
}
