/// The one style sheet, inlined into every page so a page stands alone. It holds no `<` or `&`
/// (it is written into `<style>` as it is) and no `>`: no child selectors.
enum PageStyle {
  static let css = """
    :root{--ink:#1d2330;--muted:#5b6478;--line:#d5d9e2;--bg:#fbfbfd;--accent:#2457a6}
    *{box-sizing:border-box}
    body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
    header.site,main,footer{max-width:1240px;margin:0 auto;padding:0 20px}
    header.site{padding-top:14px;padding-bottom:6px;border-bottom:1px solid var(--line)}
    header.site a{color:var(--accent);text-decoration:none;margin-right:14px}
    h1{font-size:1.6em;margin:.5em 0 .2em}
    h2{font-size:1.25em;margin:1.6em 0 .4em;padding-bottom:.2em;border-bottom:1px solid var(--line)}
    h3{font-size:1.05em;margin:1.2em 0 .3em}
    h4{font-size:.95em;margin:.8em 0 .2em;color:var(--muted)}
    a{color:var(--accent)}
    code,.mono{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.92em}
    p.lead{color:var(--muted);max-width:60em}
    nav.toc{display:flex;flex-wrap:wrap;gap:6px 14px;margin:.6em 0}
    nav.releases{display:flex;flex-wrap:wrap;gap:4px;margin:.4em 0 1em}
    nav.releases a{padding:1px 6px;border:1px solid var(--line);border-radius:4px;text-decoration:none;font-size:.85em}
    section.group{border:1px solid var(--line);border-radius:8px;background:#fff;padding:4px 14px 10px;margin:12px 0}
    section.group h3 a{text-decoration:none}
    .also a{font-size:.85em;margin-right:6px}
    ul.changes{margin:.3em 0;padding-left:1.2em}
    .src{color:var(--muted);font-size:.85em}
    .diagram{overflow-x:auto;margin:4px 0}
    svg.bits{display:block;width:100%;height:auto;min-width:600px;font-family:ui-monospace,"DejaVu Sans Mono",monospace}
    svg.bits text{font-size:11px;fill:var(--ink)}
    svg.bits text.ax{font-size:10px;fill:var(--muted)}
    svg.bits text.rt{font-size:12px;font-weight:600}
    svg.bits text.nl{font-size:11px;fill:var(--muted)}
    svg.bits text.fl{fill:#fff;pointer-events:none}
    svg.bits rect{stroke:#fff;stroke-width:1}
    svg.bits .op{fill:#2f6db5}
    svg.bits .progress{fill:#2e8b57}
    svg.bits .flag{fill:#c0392b}
    svg.bits .count{fill:#6c5ba7}
    svg.bits .ignored{fill:#b8bec9}
    svg.bits .reserved{fill:#8a6d3b}
    svg.bits .refused{fill:#d98c2b}
    svg.bits g.b0 rect{fill:#eef0f4}
    svg.bits g.b1 rect{fill:#1d2330}
    svg.bits g.b0 text{fill:#8a91a0}
    svg.bits g.b1 text{fill:#fff;font-weight:700}
    svg.bits line.narrow{stroke:#c0392b;stroke-width:2;stroke-dasharray:5 4}
    svg.timeline{display:block;width:100%;height:auto;min-width:600px}
    svg.timeline text{font-size:11px;fill:var(--ink);font-family:system-ui,sans-serif}
    svg.timeline .band0{fill:#e6edf7}
    svg.timeline .band1{fill:#d2def0}
    svg.timeline circle{fill:#2f6db5}
    svg.timeline circle.layout{fill:#c0392b}
    .legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:.85em;color:var(--muted);margin:.4em 0}
    .legend span::before{content:"";display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-2px;border-radius:2px;background:var(--c)}
    .scroll{overflow-x:auto}
    table{border-collapse:collapse;margin:.4em 0;font-size:.9em}
    th,td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
    th{background:#eef1f6}
    tr.quiet td{color:var(--muted)}
    tr:target,section:target,article:target{outline:3px solid #f2b705;outline-offset:2px}
    .badge{display:inline-block;padding:0 7px;border-radius:9px;font-size:.8em;font-weight:600;color:#fff;vertical-align:1px}
    .badge.failing{background:#c0392b}
    .badge.accepted{background:#2e8b57}
    .badge.reported{background:#8a6d3b}
    article.finding{border:1px solid var(--line);border-left:5px solid #2e8b57;border-radius:6px;background:#fff;padding:4px 14px 8px;margin:12px 0}
    article.finding.failing{border-left-color:#c0392b}
    article.finding.reported{border-left-color:#8a6d3b}
    dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:.4em 0}
    dl.facts dt{color:var(--muted)}
    dl.facts dd{margin:0}
    .meter{display:inline-block;width:120px;height:10px;background:#eef0f4;border-radius:5px;vertical-align:middle;margin-right:6px;overflow:hidden}
    .meter i{display:block;height:100%;background:#2f6db5}
    td .meter.progress i{background:#2e8b57}
    .meter.full i{background:#c0392b}
    footer{color:var(--muted);font-size:.85em;padding-top:20px;padding-bottom:30px}
    @media (max-width:720px){
      body{font-size:14px}
      header.site,main,footer{padding:0 10px}
      dl.facts{grid-template-columns:1fr}
      dl.facts dt{margin-top:4px}
      section.group,article.finding{padding:4px 8px 8px}
      svg.bits{min-width:880px}
    }
    """
}
