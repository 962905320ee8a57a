import { describe, expect, it } from 'vitest';
import { cleanPastedHtml } from './paste';

/** As Word 365 puts it on the clipboard (trimmed): mso classes and styles, <o:p>, fake list paragraphs. */
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!-- p.MsoNormal {margin:0cm} --></style></head>
<body lang=EN-GB><!--StartFragment-->
<h1 style='mso-margin-top-alt:auto'><span lang=EN-US>Council votes on the bridge<o:p></o:p></span></h1>
<p class=MsoNormal><span style='font-family:Calibri'>The vote was <b>close</b> and <i>bitter</i>.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Seven in favour<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]>Four against<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span><![endif]>First step<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;</span></span><![endif]>Second step<o:p></o:p></p>
<p class=MsoQuote><a href="https://example.org/report">The report</a> is online.</p>
<!--EndFragment--></body></html>`;

/** As Google Docs puts it on the clipboard: a non-bold <b> wrapper, style-only bold and italic. */
const DOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt"><span style="font-size:16pt;font-family:Arial;color:#000000;font-weight:400">Background</span></h2><p dir="ltr" style="line-height:1.38"><span style="font-size:11pt;font-weight:400">Plain then </span><span style="font-size:11pt;font-weight:700">bold</span><span style="font-weight:400"> then </span><span style="font-style:italic;font-weight:400">italic</span><span> and a </span><a href="https://docs.example.org/x" style="text-decoration:none"><span style="color:#1155cc;text-decoration:underline">link</span></a></p><ul style="margin-top:0;margin-bottom:0"><li dir="ltr" style="list-style-type:disc" aria-level="1"><p dir="ltr" role="presentation"><span>One</span></p></li><li dir="ltr" aria-level="1"><p dir="ltr" role="presentation"><span>Two</span></p></li></ul><br></b>`;

describe('cleaning pasted HTML', () => {
  it('keeps the structure of a Word document and drops its markup', () => {
    // Whitespace between blocks means nothing to the editor.
    expect(cleanPastedHtml(WORD).replace(/>\s+</g, '><')).toBe(
      [
        '<h2>Council votes on the bridge</h2>',
        '<p>The vote was <strong>close</strong> and <em>bitter</em>.</p>',
        '<ul><li><p>Seven in favour</p></li><li><p>Four against</p></li></ul>',
        '<ol><li><p>First step</p></li><li><p>Second step</p></li></ol>',
        '<p><a href="https://example.org/report">The report</a> is online.</p>',
      ].join(''),
    );
  });

  it('turns Google Docs style-only formatting into marks and ignores its wrapper', () => {
    expect(cleanPastedHtml(DOCS)).toBe(
      '<h2>Background</h2><p>Plain then <strong>bold</strong> then <em>italic</em> and a <a href="https://docs.example.org/x">link</a></p><ul><li><p>One</p></li><li><p>Two</p></li></ul><br>',
    );
  });

  it('drops scripts, event handlers, javascript: links, frames and foreign pictures but keeps the words', () => {
    const hostile = `<p onclick="steal()">Hello <a href="javascript:alert(1)" onmouseover="x()">click</a> <a href=" JAVASCRIPT:alert(2)">again</a>
      <img src="x" onerror="alert(3)"><script>alert(4)</script><style>p{}</style><iframe src="https://evil.example"></iframe>
      <svg onload="alert(5)"><text>svg</text></svg><a href="data:text/html,<script>alert(6)</script>">data</a><span class="x" style="color:red">world</span></p>`;
    const clean = cleanPastedHtml(hostile);
    expect(clean).toBe('<p>Hello click again\n      \n      dataworld</p>');
    expect(clean).not.toMatch(/script|onerror|onclick|javascript|iframe|img|svg|style|class|data:/i);
  });

  it('makes paragraphs of the text in a web page’s boxes and keeps its headings and quotes', () => {
    const web = '<article class="post"><div class="lead">First box</div><div><div>Nested box</div></div><h4>Small heading</h4><blockquote cite="x"><p>Said</p></blockquote><hr class="sep"><table><tr><td>Cell</td></tr></table></article>';
    expect(cleanPastedHtml(web)).toBe('<p>First box</p><p>Nested box</p><h3>Small heading</h3><blockquote><p>Said</p></blockquote><hr><p>Cell</p>');
  });

  it('keeps the editor’s own blocks when copying between articles', () => {
    const own = '<figure data-media-id="4" data-alt="Alt" data-caption="Cap" class="x"><img src="/media/a.jpg"><figcaption>Cap</figcaption></figure><aside data-pullquote="" data-cite="Her">Line</aside><div data-embed="" data-url="https://vimeo.com/1" onclick="x()">Embed</div>';
    expect(cleanPastedHtml(own)).toBe('<figure data-media-id="4" data-alt="Alt" data-caption="Cap"><p>Cap</p></figure><aside data-pullquote="" data-cite="Her">Line</aside><div data-embed="" data-url="https://vimeo.com/1">Embed</div>');
  });
});
