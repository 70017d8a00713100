import { createHash } from 'node:crypto';

/**
 * The portal's stylesheet, served as a file (the CSP allows no inline style) under a name that
 * carries its hash, so browsers keep it for a year and a new version is a new address. Kept in a
 * module rather than a .css file so the bundled server needs no copy step.
 *
 * Mobile first: one column, then wider lists at 48em. Colours keep a contrast of at least 7:1 for
 * text (AAA) and 3:1 for borders; focus is always visible.
 */
export const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1rem;line-height:1.5;color:#161616;background:#fff}
a{color:#000091;text-decoration:underline;text-underline-offset:.15em}
a:hover{text-decoration-thickness:2px}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,main:focus-visible,.table-scroll:focus-visible{outline:3px solid #0a76f6;outline-offset:2px}
main:focus{outline:none}
.skip-link{position:absolute;left:.5rem;top:-10rem;z-index:10;padding:.5rem 1rem;background:#000091;color:#fff;font-weight:600}
.skip-link:focus{top:.5rem}
.container{width:100%;max-width:72rem;margin:0 auto;padding:0 1rem}
.site-header{border-bottom:1px solid #929292;background:#f6f6f6}
.site-header .container{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1rem;padding-top:.75rem;padding-bottom:.75rem}
.site-name{margin:0;font-weight:700;font-size:1.125rem}
.site-name a{color:#161616;text-decoration:none}
.site-name small{display:block;font-weight:400;font-size:.875rem;color:#3a3a3a}
.site-nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0;list-style:none}
.site-nav a{display:inline-block;padding:.5rem 0}
.site-nav a[aria-current="page"]{font-weight:700;text-decoration-thickness:3px}
.breadcrumb ol{display:flex;flex-wrap:wrap;gap:.25rem;margin:1rem 0 0;padding:0;list-style:none;font-size:.875rem}
.breadcrumb li+li::before{content:"›";margin-right:.25rem;color:#3a3a3a}
main{display:block;padding-bottom:3rem}
h1{font-size:1.75rem;line-height:1.25;margin:1.5rem 0 .75rem}
h2{font-size:1.375rem;line-height:1.3;margin:2rem 0 .75rem}
h3{font-size:1.125rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:1.25rem 0 .5rem}
p,ul,ol,dl{margin:0 0 1rem}
.lead{font-size:1.125rem}
.muted{color:#3a3a3a}
.facts{display:grid;gap:.75rem;margin:1rem 0;padding:1rem;border:1px solid #929292;border-radius:.25rem}
.facts div{margin:0}
.facts dt{font-weight:700}
.facts dd{margin:0}
.badge{display:inline-block;padding:.125rem .5rem;border-radius:.25rem;background:#e3e3fd;color:#000091;font-size:.875rem;font-weight:600}
.badge-abandonnee{background:#eee;color:#3a3a3a}
.badge-statut-en_instruction{background:#fff3cd;color:#4a3800}
.badge-statut-retenue{background:#dffee6;color:#0b4d21}
.badge-statut-non_retenue{background:#ffe9e9;color:#6e1414}
.document{max-width:48rem}
.document blockquote{margin:0 0 1rem;padding-left:1rem;border-left:4px solid #929292}
.orientation{margin-bottom:1.5rem}
.search{display:grid;gap:.75rem;margin:1rem 0 1.5rem;padding:1rem;border:1px solid #929292;border-radius:.25rem;background:#f6f6f6}
.search fieldset{border:0;margin:0;padding:0;display:grid;gap:.75rem}
.search legend{font-weight:700;padding:0;margin-bottom:.5rem}
.field{display:grid;gap:.25rem}
.field label{font-weight:600}
.hint{font-size:.875rem;color:#3a3a3a}
input,select,button{font:inherit;min-height:2.75rem}
input,select{width:100%;padding:.5rem;border:1px solid #3a3a3a;border-radius:.25rem;background:#fff;color:#161616}
.actions{display:flex;flex-wrap:wrap;align-items:center;gap:1rem}
button{padding:.5rem 1.25rem;border:2px solid #000091;border-radius:.25rem;background:#000091;color:#fff;font-weight:600;cursor:pointer}
button:hover{background:#1212ff}
.fiches,.cards{margin:0;padding:0;list-style:none}
.fiche-card,.card{margin:0 0 1rem;padding:1rem;border:1px solid #929292;border-radius:.25rem}
.fiche-card h2,.card h2{margin:0 0 .5rem;font-size:1.125rem}
.fiche-card p,.card p{margin:0 0 .5rem}
.texte{max-width:48rem}
.texte p{white-space:pre-line}
blockquote.texte{margin:0 0 1rem;padding-left:1rem;border-left:4px solid #929292}
.participer{margin:2rem 0;padding:1rem;border:1px solid #000091;border-radius:.25rem;background:#f5f5fe}
.participer h2{margin-top:0}
.cta{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem 1.5rem;margin:0;padding:0;list-style:none}
.cta a{display:inline-block;padding:.5rem 0}
.cta a.cta-primary{padding:.5rem 1.25rem;border-radius:.25rem;background:#000091;color:#fff;font-weight:600;text-decoration:none}
.cta a.cta-primary:hover{background:#1212ff}
.downloads{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding:0;list-style:none}
.chart{margin:0 0 1rem}
.chart figcaption{font-weight:700;margin-bottom:.5rem}
.chart svg{display:block;width:100%;max-width:32rem;height:auto}
.chart-bar{fill:#000091}
.chart-label{fill:#161616;font-size:14px}
.chart-value{fill:#161616;font-size:13px;font-weight:600}
.ref{font-variant-numeric:tabular-nums;color:#3a3a3a;font-weight:600}
.meta{display:grid;gap:.25rem;margin:.5rem 0 0;font-size:.9375rem}
.meta div{display:flex;flex-wrap:wrap;gap:0 .5rem}
.meta dt{font-weight:700}
.meta dt::after{content:" :"}
.meta dd{margin:0}
.pagination ul{display:flex;flex-wrap:wrap;gap:.5rem;margin:1.5rem 0;padding:0;list-style:none}
.pagination a,.pagination span{display:inline-block;min-width:2.75rem;padding:.5rem .75rem;text-align:center;border:1px solid #929292;border-radius:.25rem}
.pagination a[aria-current="page"]{background:#000091;color:#fff;border-color:#000091;text-decoration:none}
.threads,.replies{list-style:none;padding:0;margin:0 0 1rem}.thread{border-top:1px solid #d0d4dc;padding:.75rem 0}.replies{margin:.5rem 0 0 1.25rem;border-left:3px solid #d0d4dc;padding-left:.75rem}.comment-meta{font-size:.875rem;color:#3a3a3a;margin:0 0 .25rem}.comment-body{margin:0 0 .5rem;white-space:pre-wrap;overflow-wrap:anywhere}
.table-scroll{overflow-x:auto;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:700;padding:0 0 .5rem}
th,td{padding:.5rem;border:1px solid #929292;text-align:left;vertical-align:top}
thead th,tfoot th,tfoot td{background:#f6f6f6}
.num{text-align:right;white-space:nowrap}
.tags{display:flex;flex-wrap:wrap;gap:.5rem;margin:0 0 1rem;padding:0;list-style:none}
.warning{padding:.75rem 1rem;border-left:4px solid #b34000;background:#fff4f3;color:#5e2a00}
.site-footer{border-top:1px solid #929292;padding:1.5rem 0;font-size:.875rem;color:#3a3a3a}
.visually-hidden{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
@media (min-width:48em){
h1{font-size:2.25rem}
.facts{grid-template-columns:repeat(3,1fr)}
.search fieldset{grid-template-columns:2fr 1fr 1fr 1fr;align-items:end}
.search-propositions fieldset{grid-template-columns:2fr 1fr}
.facts-4{grid-template-columns:repeat(4,1fr)}
.meta{grid-template-columns:repeat(2,minmax(0,1fr))}
}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
`;

export const STYLESHEET_FILE = `portail.${createHash('sha1').update(STYLESHEET).digest('hex').slice(0, 12)}.css`;
