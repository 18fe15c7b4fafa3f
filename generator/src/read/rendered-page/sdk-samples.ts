/**
 * Facts a doc page states only inside its SDK samples (corpus README, "Seed pages"): the method
 * name (the page never prints it elsewhere) and whether a user session is passed. Both readers
 * (seed text, saved HTML) hand each sample's code to these functions.
 */
import type { StatedAuth } from '../../vocabulary/auth.js';

export type SdkLanguage = 'java' | 'dotnet' | 'php' | 'curl' | 'python' | 'c' | 'node';

/** Names as the doc site labels its sample tabs; used in evidence strings and messages. */
export const SDK_LANGUAGE_LABELS: Record<SdkLanguage, string> = {
  java: 'Java',
  dotnet: '.NET',
  php: 'PHP',
  curl: 'curl',
  python: 'Python',
  c: 'C',
  node: 'Node',
};

// The first statement of every sample as the doc site prints it (all five seeds). A multi-line
// Python sample starts with the coding comment and then `import top.api`; both open Python.
const LANGUAGE_STARTS: [SdkLanguage, RegExp][] = [
  ['java', /^TaobaoClient\s+client\s*=\s*new\s+DefaultTaobaoClient\b/],
  ['dotnet', /^ITopClient\s+client\s*=\s*new\s+DefaultTopClient\b/],
  ['php', /^\$c\s*=\s*new\s+TopClient\b/],
  ['curl', /^curl\s/],
  ['python', /^#\s*-\*-\s*coding[:=]|^import\s+top\.api\b/],
  ['c', /^pTopRequest\s+pRequest\s*=\s*alloc_top_request\b/],
  ['node', /^TopClient\s*=\s*require\(/],
];

/** The SDK language whose sample starts with this text, if any. */
export function detectSdkLanguage(code: string): SdkLanguage | undefined {
  const start = code.trimStart();
  return LANGUAGE_STARTS.find(([, pattern]) => pattern.test(start))?.[0];
}

export interface SampleFinding<T> {
  value: T;
  /** The code that was seen, whitespace collapsed, e.g. `set_api_name(pRequest,"taobao.tbk.uvid.encrypt")`. */
  evidence: string;
}

const METHOD_NAME = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/i;

// curl `-d 'method=taobao.tbk.uvid.encrypt'` (or `-F` for multipart, seed 001), C
// `set_api_name(pRequest,"…")`, Node `client.execute('taobao…', {…})`. The Java, .NET, PHP and
// Python samples only name a request class (`TbkUvidEncryptRequest`), which loses the dots.
const METHOD_PATTERNS: RegExp[] = [
  /(?<=['"\s])method=([\w.]+)/,
  /set_api_name\(\s*\w+\s*,\s*"([^"]+)"\s*\)/,
  /\bexecute\(\s*['"]([^'"]+)['"]\s*,/,
];

/** The API method name a sample calls, or undefined when this sample does not name it. */
export function findMethodName(code: string): SampleFinding<string> | undefined {
  for (const pattern of METHOD_PATTERNS) {
    const match = pattern.exec(code);
    if (match && METHOD_NAME.test(match[1]!)) {
      return { value: match[1]!, evidence: collapse(match[0]) };
    }
  }
  return undefined;
}

const NO_SESSION = /^(null|NULL|None|nil)$/;

// How each SDK passes the user session (or not): Java/.NET `client.execute(req, sessionKey)`,
// PHP `$c->execute($req, $sessionKey)`, Python `req.getResponse(sessionkey)`, C
// `top_execute(pClient,pRequest,sessionKey)` against `NULL`. curl passes `session=` as a form
// field. The Node sample never shows the session even when it is required (seed 001), so only a
// `'session':` param there counts, and its absence says nothing.
export function findAuthEvidence(code: string): SampleFinding<StatedAuth> | undefined {
  const c = /top_execute\(\s*\w+\s*,\s*\w+\s*,\s*(\w+)\s*\)/.exec(code);
  if (c) return fromArgument(c[0], c[1]);
  const php = /\$\w+->execute\(\s*\$\w+\s*(?:,\s*\$?(\w+)\s*)?\)/.exec(code);
  if (php) return fromArgument(php[0], php[1]);
  const python = /\b\w+\.getResponse\(\s*(\w*)\s*\)/.exec(code);
  if (python) return fromArgument(python[0], python[1]);
  const javaOrDotnet = /\b\w+\.(?:execute|Execute)\(\s*\w+\s*(?:,\s*(\w+)\s*)?\)/.exec(code);
  if (javaOrDotnet) return fromArgument(javaOrDotnet[0], javaOrDotnet[1]);
  if (/^\s*curl\s/.test(code)) {
    // The session value itself is left out of the evidence: only its presence matters.
    return /(?<=['"\s])session=/.test(code)
      ? { value: 'required', evidence: 'session= field' }
      : { value: 'none', evidence: 'no session= field' };
  }
  const node = /['"]session['"]\s*:/.exec(code);
  if (node) return { value: 'required', evidence: collapse(node[0]) };
  return undefined;
}

function fromArgument(seen: string, argument: string | undefined): SampleFinding<StatedAuth> {
  const none = argument === undefined || argument === '' || NO_SESSION.test(argument);
  return { value: none ? 'none' : 'required', evidence: collapse(seen) };
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
