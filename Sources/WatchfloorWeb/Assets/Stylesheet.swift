/// The dashboard's one stylesheet, served from `/static/watchfloor.css` (no CDN, no web fonts:
/// the system's fonts, with Noto CJK for Korean where installed).
enum Stylesheet {
    static let css = """
        :root {
          --ink: #1b2a41; --muted: #5b6676; --faint: #8a94a3; --line: #dfe3ea; --paper: #ffffff; --ground: #f4f6f9;
          --accent: #1f5fa8; --warn: #b3301f; --ok: #2d7a46; --mark: #fff1a8; --cue: #ffd27a;
          --font: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", sans-serif;
          --mono: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", monospace;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; font: 15px/1.5 var(--font); color: var(--ink); background: var(--ground); }
        a { color: var(--accent); text-decoration: none; }
        a:hover, a:focus { text-decoration: underline; }
        :focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
        h1 { font-size: 1.55rem; line-height: 1.25; margin: 0 0 .25rem; }
        h2 { font-size: 1.1rem; margin: 0 0 .75rem; }
        h3 { font-size: .95rem; margin: 0 0 .4rem; }
        p { margin: 0 0 .75rem; }
        code, .mono { font-family: var(--mono); font-size: .88em; }

        .top { background: var(--ink); color: #fff; display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.5rem; padding: .6rem 1.5rem; }
        .brand { color: #fff; font-weight: 700; font-size: 1.1rem; letter-spacing: .02em; display: flex; align-items: center; gap: .5rem; }
        .brand svg { display: block; }
        .top nav { display: flex; flex-wrap: wrap; gap: .25rem; flex: 1; }
        .top nav a { color: #c9d3e3; padding: .3rem .6rem; border-radius: 6px; }
        .top nav a:hover, .top nav a[aria-current="page"] { background: rgba(255,255,255,.12); color: #fff; text-decoration: none; }
        .quick-search input { width: 15rem; max-width: 100%; padding: .35rem .6rem; border-radius: 6px; border: 0; font: inherit; }

        main { max-width: 1320px; margin: 0 auto; padding: 1.25rem 1.5rem 3rem; }
        .page-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: flex-end; gap: .5rem 1rem; margin-bottom: 1rem; }
        .page-head .sub { color: var(--muted); margin: 0; }
        .grid { display: grid; gap: 1rem; align-items: start; }
        .grid + .panel, .panel + .grid, .grid + .grid { margin-top: 1rem; }
        .panel h2:not(:first-child) { margin-top: 1.4rem; }
        figure { margin: 0 0 1rem; }
        .grid.two { grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
        .grid.cards { grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); }
        .panel { background: var(--paper); border: 1px solid var(--line); border-radius: 10px; padding: 1rem 1.1rem; min-width: 0; }
        .panel + .panel { margin-top: 1rem; }
        .grid > .panel + .panel { margin-top: 0; }
        .panel-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; }
        .muted { color: var(--muted); }
        .small { font-size: .85rem; }
        .empty { color: var(--muted); font-style: italic; }

        .stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: .5rem; margin: 0; }
        .stats div { background: var(--ground); border-radius: 8px; padding: .5rem .7rem; }
        .stats dt { color: var(--muted); font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; }
        .stats dd { margin: 0; font-size: 1.25rem; font-weight: 650; }

        .warning-list { list-style: none; margin: 0; padding: 0; }
        .warning-list li { display: grid; grid-template-columns: auto minmax(0, 1fr) auto; gap: .2rem .8rem; padding: .7rem 0; border-top: 1px solid var(--line); }
        .warning-list .kind { align-self: start; margin-top: .15rem; }
        .warning-list li:first-child { border-top: 0; padding-top: 0; }
        .warning-list .what { font-weight: 600; }
        .warning-list .why, .warning-list .when { grid-column: 2 / 4; }
        .warning-list .why { color: var(--muted); font-size: .9rem; overflow: hidden; display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; }
        .warning-list .when { color: var(--muted); font-size: .85rem; white-space: nowrap; }
        .kind { display: inline-block; min-width: 2.4rem; text-align: center; font-weight: 700; font-size: .8rem; padding: .15rem .4rem; border-radius: 5px; color: #fff; background: #5b6676; }
        .kind.W1 { background: #b3301f; } .kind.W2 { background: #8e44ad; } .kind.W3 { background: #34495e; }
        .kind.W4 { background: #b9770e; } .kind.W5 { background: #1f6f8b; }
        .score { display: inline-flex; align-items: center; gap: .35rem; font-variant-numeric: tabular-nums; font-weight: 600; }
        .score meter { width: 4.5rem; height: .55rem; }

        .trend { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: .1rem .6rem; align-items: center; padding: .45rem 0; border-top: 1px solid var(--line); }
        .trend:first-of-type { border-top: 0; }
        .trend .name { font-size: .9rem; }
        .trend .figure { text-align: right; font-variant-numeric: tabular-nums; font-size: .85rem; color: var(--muted); }
        .trend .figure strong { color: var(--ink); font-size: 1rem; }
        .trend svg { grid-column: 1 / 3; width: 100%; height: 30px; }
        .card { display: block; color: inherit; }
        .card:hover { text-decoration: none; border-color: var(--accent); }
        .card svg { width: 100%; height: 42px; display: block; margin-top: .3rem; }
        .card .figure { font-size: .85rem; color: var(--muted); }
        .card .figure strong { font-size: 1.2rem; color: var(--ink); }
        .up { color: var(--warn); } .down { color: var(--accent); }
        .rise { color: #1f6fb4; } .drop { color: #c0392b; }

        .table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
        table { width: 100%; border-collapse: collapse; font-size: .9rem; }
        th, td { text-align: left; padding: .45rem .55rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; background: #fafbfc; position: sticky; top: 0; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.nowrap { white-space: nowrap; }
        td.evidence { min-width: 18rem; max-width: 38rem; }
        td.evidence a { color: var(--ink); }
        td.evidence a:hover { color: var(--accent); }
        tr:hover td { background: #fafcff; }
        .type { font-family: var(--mono); font-size: .8rem; background: #eef2f7; border-radius: 4px; padding: .05rem .3rem; white-space: nowrap; }
        .status { font-size: .78rem; padding: .05rem .4rem; border-radius: 999px; border: 1px solid var(--line); white-space: nowrap; }
        .status.accepted { color: var(--ok); border-color: #b7dcc4; background: #effaf2; }
        .status.edited { color: #7a5b00; border-color: #ead79a; background: #fffaea; }
        .status.rejected { color: var(--warn); border-color: #f0c3bb; background: #fdf1ef; text-decoration: line-through; }
        .grade { font-family: var(--mono); font-size: .78rem; border: 1px solid var(--line); border-radius: 4px; padding: 0 .3rem; }

        form.filters { display: flex; flex-wrap: wrap; gap: .6rem .8rem; align-items: flex-end; margin-bottom: 1rem; }
        form.filters select { max-width: min(24rem, calc(100vw - 2rem)); }
        form.filters label, .field { display: flex; flex-direction: column; font-size: .78rem; color: var(--muted); gap: .2rem; }
        input, select, textarea, button { font: inherit; font-size: .9rem; }
        input, select, textarea { padding: .35rem .5rem; border: 1px solid #c4cbd6; border-radius: 6px; background: #fff; color: var(--ink); }
        textarea { width: 100%; min-height: 3.2rem; }
        button, .button { display: inline-block; padding: .4rem .85rem; border-radius: 6px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; font-weight: 600; }
        button.secondary, .button.secondary { background: #fff; color: var(--accent); }
        button.danger { background: #fff; color: var(--warn); border-color: var(--warn); }
        button.ok { background: var(--ok); border-color: var(--ok); }
        .button:hover { text-decoration: none; }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
        .pager { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; justify-content: space-between; margin-top: .8rem; font-size: .9rem; }
        .exports a { margin-right: .6rem; }
        .exports span { margin-right: .9rem; color: var(--muted); }
        .notice { background: #eef6ee; border: 1px solid #b7dcc4; color: #1e5631; border-radius: 8px; padding: .6rem .8rem; margin-bottom: 1rem; }
        .problem { background: #fdf1ef; border: 1px solid #f0c3bb; color: #8a2315; border-radius: 8px; padding: .6rem .8rem; margin-bottom: 1rem; }

        .doc-text:lang(ko), .evidence-sentence:lang(ko) { word-break: keep-all; }
        .doc-events { list-style: none; margin: 0; padding: 0; }
        .doc-events li { padding: .6rem 0; border-top: 1px solid var(--line); }
        .doc-events li:first-child { border-top: 0; padding-top: 0; }
        .doc-events .meta { color: var(--ink); align-items: center; }
        .swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 3px; background: var(--mark); border: 1px solid #d9cc8a; }
        .swatch.e1 { background: #d9e8ff; border-color: #a9c3e0; } .swatch.e2 { background: #dcf2dc; border-color: #a8d5a8; }
        .swatch.e3 { background: #f1ddff; border-color: #d3b3e6; } .swatch.e4 { background: #ffe6cc; border-color: #f0c79c; }
        .doc-text { white-space: pre-wrap; font-size: 1rem; line-height: 1.7; max-width: 52rem; overflow-wrap: anywhere; }
        .sentence { background: var(--mark); border-radius: 3px; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
        .sentence.e1 { background: #d9e8ff; } .sentence.e2 { background: #dcf2dc; } .sentence.e3 { background: #f1ddff; } .sentence.e4 { background: #ffe6cc; }
        .cue { background: var(--cue); border-bottom: 2px solid #c98a00; font-weight: 600; }
        mark { background: var(--mark); padding: 0 .1rem; border-radius: 2px; }
        .evidence-sentence { border-left: 3px solid #c98a00; padding: .4rem .7rem; background: #fffdf4; border-radius: 0 6px 6px 0; margin: .3rem 0; overflow-wrap: anywhere; }
        .meta { display: flex; flex-wrap: wrap; gap: .3rem .9rem; color: var(--muted); font-size: .85rem; }
        dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .3rem .9rem; margin: 0; font-size: .9rem; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; overflow-wrap: anywhere; }
        .explanation { font-size: 1rem; max-width: 60rem; }
        .chart { width: 100%; height: auto; display: block; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
        .switch { display: inline-flex; border: 1px solid var(--line); border-radius: 6px; overflow: hidden; }
        .switch a { padding: .25rem .7rem; }
        .switch a[aria-current="true"] { background: var(--accent); color: #fff; }
        ul.plain { list-style: none; padding-left: 0; }
        ul.plain li { margin: .35rem 0; }
        .event-card { border-top: 1px solid var(--line); padding: .8rem 0; }
        .event-card:first-child { border-top: 0; padding-top: .2rem; }
        details.edit summary { cursor: pointer; color: var(--accent); font-weight: 600; margin: .4rem 0; }
        .edit-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: .6rem; margin: .5rem 0; }
        .review-row { display: flex; flex-wrap: wrap; gap: .6rem; align-items: flex-end; margin-top: .6rem; }
        .review-row .field input[name="note"] { width: 22rem; max-width: 100%; }
        form.inline { display: inline; }
        .map-wrap svg { width: 100%; max-width: 720px; height: auto; display: block; }
        .province-map .province:hover rect, .province-map .province:focus rect { stroke-opacity: 1; stroke-width: 3; }
        .legend-note { font-size: .85rem; color: var(--muted); }
        .snippet { color: #2b3646; overflow-wrap: anywhere; }
        footer { max-width: 1320px; margin: 0 auto; padding: 0 1.5rem 2rem; color: var(--faint); font-size: .8rem; }

        @media (max-width: 900px) {
          .grid.two { grid-template-columns: minmax(0, 1fr); }
          main { padding: 1rem .8rem 2rem; }
          .top { padding: .6rem .8rem; }
          .brand { flex: 1; }
          .top nav { order: 3; flex-basis: 100%; flex-wrap: nowrap; overflow-x: auto; margin: 0 -.4rem; }
          .top nav a { white-space: nowrap; }
          .quick-search { order: 2; width: 100%; }
          .quick-search input { width: 100%; }
          .review-row .field input[name="note"] { width: 100%; }
          .review-row .field { flex: 1 1 100%; }
          .map-wrap, .chart-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
          .map-wrap svg { min-width: 600px; }
          img.chart { min-width: 680px; }
          h1 { font-size: 1.3rem; }
          .warning-list li { grid-template-columns: auto minmax(0, 1fr); }
          .warning-list .score { grid-column: 2; }
          .warning-list .why, .warning-list .when { grid-column: 1 / 3; }
          td.evidence { min-width: 14rem; }
        }
        """
}
