// Checks a Query-protocol reply against botocore's service model: the `<OpResponse>` root in the
// service's namespace, the `<OpResult>` wrapper the model names, every member by its XML name,
// lists as `<member>` elements, required members, scalar formats, and ResponseMetadata/RequestId.
// Error replies: ErrorResponse/Error/{Type,Code,Message} and RequestId. Returns the problems found.
import type { ModelShape, ServiceModel } from './botocore';
import { leafText, type XmlElement } from './xml-tree';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

class ShapeChecker {
  readonly problems: string[] = [];
  constructor(
    private readonly model: ServiceModel,
    /** Member paths (`Result.Member`, `[]` for list items) the sandbox leaves out on purpose. */
    private readonly omitted: ReadonlySet<string>,
  ) {}

  value(element: XmlElement, shapeName: string, path: string): void {
    const shape = this.model.shapes[shapeName];
    if (!shape) return void this.problems.push(`${path}: the model has no shape ${shapeName}`);
    if (shape.type === 'structure') return this.structure(element, shape, shapeName, path);
    if (shape.type === 'list') return this.list(element, shape, path);
    if (shape.type === 'map') return void this.problems.push(`${path}: maps are not checked (none expected here)`);
    const text = leafText(element);
    if (text === undefined) return void this.problems.push(`${path}: a ${shape.type} must not have child elements`);
    this.scalar(text, shape, path);
  }

  private structure(element: XmlElement, shape: ModelShape, shapeName: string, path: string): void {
    const members = Object.entries(shape.members ?? {});
    const xmlNames = new Map(members.map(([name, m]) => [m.locationName ?? name, name]));
    const counts = new Map<string, number>();
    for (const child of element.children) {
      counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
      if (!xmlNames.has(child.name)) {
        this.problems.push(
          `${path}: <${child.name}> is not a member of ${shapeName} (${[...xmlNames.keys()].join(', ')})`,
        );
      }
    }
    for (const [name, count] of counts) {
      if (count > 1 && xmlNames.has(name)) this.problems.push(`${path}: <${name}> appears ${count} times`);
    }
    for (const [name, member] of members) {
      const child = element.children.find((c) => c.name === (member.locationName ?? name));
      const memberPath = `${path}.${name}`;
      if (child) this.value(child, member.shape, memberPath);
      else if (shape.required?.includes(name)) this.problems.push(`${memberPath}: required by the model, missing`);
      else if (!this.omitted.has(memberPath)) {
        this.problems.push(`${memberPath}: missing (and not listed as deliberately omitted)`);
      }
    }
  }

  private list(element: XmlElement, shape: ModelShape, path: string): void {
    if (shape.flattened) return void this.problems.push(`${path}: flattened lists are not checked (none expected)`);
    const itemName = shape.member?.locationName ?? 'member';
    for (const item of element.children) {
      if (item.name !== itemName) this.problems.push(`${path}: list item <${item.name}>, the model says <${itemName}>`);
      else if (shape.member) this.value(item, shape.member.shape, `${path}[]`);
    }
    if (leafText(element)?.trim()) this.problems.push(`${path}: a list holds text`);
  }

  private scalar(text: string, shape: ModelShape, path: string): void {
    const bad = (what: string) => this.problems.push(`${path}: "${text}" is not ${what}`);
    if (shape.type === 'boolean' && !/^(true|false)$/.test(text)) bad('a boolean');
    if ((shape.type === 'integer' || shape.type === 'long') && !/^-?\d+$/.test(text)) bad('an integer');
    if (shape.type === 'timestamp' && !ISO_TIMESTAMP.test(text)) bad('an ISO 8601 timestamp');
    if (shape.type !== 'string') return;
    if (shape.enum && !shape.enum.includes(text)) bad(`one of ${shape.enum.join(', ')}`);
    const length = [...text].length;
    if (shape.min !== undefined && length < shape.min) bad(`at least ${shape.min} characters`);
    if (shape.max !== undefined && length > shape.max) bad(`at most ${shape.max} characters`);
  }
}

/** Children of `element` must be exactly these names, each once (order free). */
function expectChildren(element: XmlElement, names: readonly string[], path: string, problems: string[]): void {
  const found = element.children.map((c) => c.name).sort();
  const wanted = [...names].sort();
  if (found.join() !== wanted.join())
    problems.push(`${path}: children <${found.join('>, <')}>, want <${wanted.join('>, <')}>`);
}

function checkRequestId(
  element: XmlElement | undefined,
  headerRequestId: string | null,
  path: string,
  problems: string[],
) {
  const text = element ? leafText(element) : undefined;
  if (!text) problems.push(`${path}: RequestId missing or empty`);
  else if (text !== headerRequestId) problems.push(`${path}: RequestId ${text} ≠ x-amzn-RequestId ${headerRequestId}`);
}

export function checkSuccessReply(
  model: ServiceModel,
  operation: string,
  root: XmlElement,
  headerRequestId: string | null,
  omitted: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  if (root.name !== `${operation}Response`) problems.push(`root <${root.name}>, want <${operation}Response>`);
  if (root.xmlns !== model.metadata.xmlNamespace)
    problems.push(`xmlns ${root.xmlns}, want ${model.metadata.xmlNamespace}`);
  const output = model.operations[operation]?.output;
  const wrapper = output?.resultWrapper;
  if (output && !wrapper) problems.push(`the model gives ${operation} no result wrapper`);
  expectChildren(root, wrapper ? [wrapper, 'ResponseMetadata'] : ['ResponseMetadata'], root.name, problems);
  const metadata = root.children.find((c) => c.name === 'ResponseMetadata');
  if (metadata) expectChildren(metadata, ['RequestId'], 'ResponseMetadata', problems);
  checkRequestId(
    metadata?.children.find((c) => c.name === 'RequestId'),
    headerRequestId,
    'ResponseMetadata',
    problems,
  );
  const result = root.children.find((c) => c.name === wrapper);
  if (output && wrapper && result) {
    const checker = new ShapeChecker(model, omitted);
    checker.value(result, output.shape, wrapper);
    problems.push(...checker.problems);
  }
  return problems;
}

export function checkErrorReply(model: ServiceModel, root: XmlElement, headerRequestId: string | null): string[] {
  const problems: string[] = [];
  if (root.name !== 'ErrorResponse') problems.push(`root <${root.name}>, want <ErrorResponse>`);
  if (root.xmlns !== model.metadata.xmlNamespace)
    problems.push(`xmlns ${root.xmlns}, want ${model.metadata.xmlNamespace}`);
  expectChildren(root, ['Error', 'RequestId'], 'ErrorResponse', problems);
  checkRequestId(
    root.children.find((c) => c.name === 'RequestId'),
    headerRequestId,
    'ErrorResponse',
    problems,
  );
  const error = root.children.find((c) => c.name === 'Error');
  if (!error) return problems;
  expectChildren(error, ['Type', 'Code', 'Message'], 'Error', problems);
  const field = (name: string) => leafText(error.children.find((c) => c.name === name) ?? error) ?? '';
  if (!/^(Sender|Receiver)$/.test(field('Type'))) problems.push(`Error.Type "${field('Type')}"`);
  if (!/^\w+$/.test(field('Code'))) problems.push(`Error.Code "${field('Code')}"`);
  if (!field('Message').trim()) problems.push('Error.Message is empty');
  return problems;
}
