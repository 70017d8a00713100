import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from './html.js';

describe('the html template', () => {
  it('escapes a script in element content', () => {
    const title = '<script>alert("x")</script>';
    expect(html`<h1>${title}</h1>`.toString()).toBe(
      '<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>',
    );
  });

  it('keeps an attribute value inside its quotes, whichever quote the attacker uses', () => {
    const value = `" onmouseover="alert(1)' onfocus='alert(2)`;
    const out = html`<input value="${value}"><a title='${value}'>x</a>`.toString();
    expect(out).toBe(
      '<input value="&quot; onmouseover=&quot;alert(1)&#39; onfocus=&#39;alert(2)">' +
        "<a title='&quot; onmouseover=&quot;alert(1)&#39; onfocus=&#39;alert(2)'>x</a>",
    );
    expect(out).not.toMatch(/"[^"]*onmouseover="/);
  });

  it('escapes ampersands first, so entities are shown and not decoded', () => {
    expect(escapeHtml('&lt;b&gt; & co')).toBe('&amp;lt;b&amp;gt; &amp; co');
  });

  it('nests templates without escaping them twice, and escapes every item of a list', () => {
    const items = ['<b>un</b>', 'deux & trois'];
    const list = html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;
    expect(html`<nav>${list}</nav>`.toString()).toBe(
      '<nav><ul><li>&lt;b&gt;un&lt;/b&gt;</li><li>deux &amp; trois</li></ul></nav>',
    );
  });

  it('renders nothing for null, undefined and booleans, and numbers as text', () => {
    const absent: string | null = null;
    expect(html`[${absent}${undefined}${false}${true}${0}${12.5}]`.toString()).toBe('[012.5]');
  });

  it('inserts raw markup only when asked to', () => {
    expect(html`<p>${raw('<em>sûr</em>')}</p>`.toString()).toBe('<p><em>sûr</em></p>');
    expect(html`<p>${'<em>pas sûr</em>'}</p>`.toString()).toBe(
      '<p>&lt;em&gt;pas sûr&lt;/em&gt;</p>',
    );
  });
});
