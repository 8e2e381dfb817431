/**
 * The page served at `/`: plain HTML, CSS and a small script that polls `/_emulator/overview` and draws
 * one section per vendor. Every value is set as text (never as HTML), since names come from API callers.
 */
const STYLE = `
  :root { color-scheme: light; --ink: #1d2430; --muted: #5c6779; --line: #dde2ea; --chip: #eef1f6; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
         color: var(--ink); background: #f6f7fa; }
  header { display: flex; align-items: baseline; gap: 16px; padding: 18px 28px; background: #fff;
           border-bottom: 1px solid var(--line); }
  header h1 { margin: 0; font-size: 20px; }
  #status { color: var(--muted); font-size: 13px; }
  #status.error { color: #b42318; font-weight: 600; }
  main { padding: 8px 28px 32px; }
  section { margin-top: 22px; }
  section h2 { margin: 0 0 10px; font-size: 17px; }
  section h2 .count { color: var(--muted); font-weight: 400; font-size: 14px; margin-left: 6px; }
  .groups { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 12px; }
  .group { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
  .group h3 { margin: 0; font-size: 15px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
  .kind { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em;
          background: #e3ecfb; color: #1f4fa3; border-radius: 4px; padding: 1px 6px; }
  .id { color: var(--muted); font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; margin-top: 2px;
        overflow-wrap: anywhere; }
  .description { margin: 6px 0 0; color: var(--muted); }
  .group h3 .name { overflow-wrap: anywhere; }
  .row { margin-top: 8px; display: grid; grid-template-columns: 48px 1fr; gap: 6px; align-items: baseline; }
  .values { display: flex; flex-wrap: wrap; gap: 4px; }
  .label { font-size: 12px; color: var(--muted); }
  .chip { background: var(--chip); border-radius: 4px; padding: 0 6px; font-size: 12.5px;
          font-family: ui-monospace, SFMono-Regular, Menlo, monospace; overflow-wrap: anywhere; }
  ol.members { margin: 8px 0 0; padding-left: 22px; }
  ol.members li { margin: 2px 0; }
  .detail { color: var(--muted); font: 12px ui-monospace, SFMono-Regular, Menlo, monospace;
            margin-left: 6px; overflow-wrap: anywhere; }
  .empty { color: var(--muted); font-style: italic; margin: 6px 0 0; }
`;

const SCRIPT = `
  const REFRESH_MS = 2000;
  const status = document.getElementById("status");
  const vendors = document.getElementById("vendors");
  let shown = "";

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function chips(label, values) {
    const row = el("div", "row");
    const list = el("div", "values");
    for (const value of values) list.append(el("span", "chip", value));
    row.append(el("span", "label", label), list);
    return row;
  }

  function groupCard(group) {
    const card = el("article", "group");
    card.dataset.group = group.name;
    const title = el("h3");
    title.append(el("span", "name", group.name));
    if (group.kind) title.append(el("span", "kind", group.kind));
    card.append(title, el("div", "id", group.id));
    if (group.description) card.append(el("p", "description", group.description));
    if (group.scopes.length > 0) card.append(chips("scope", group.scopes));
    if (group.tags.length > 0) card.append(chips("tags", group.tags.map((t) => t.key + "=" + t.value)));
    if (group.members.length === 0) {
      card.append(el("p", "empty", "no members"));
    } else {
      const list = el("ol", "members");
      for (const member of group.members) {
        const item = el("li", "member");
        item.append(el("span", "member-name", member.name));
        if (member.detail) item.append(el("span", "detail", member.detail));
        list.append(item);
      }
      card.append(list);
    }
    return card;
  }

  function render(overview) {
    const sections = overview.vendors.map((vendor) => {
      const section = el("section");
      section.dataset.vendor = vendor.vendor;
      const heading = el("h2", undefined, vendor.title);
      const n = vendor.groups.length;
      heading.append(el("span", "count", n + (n === 1 ? " group" : " groups")));
      section.append(heading);
      if (n === 0) section.append(el("p", "empty", "no resource groups"));
      else {
        const grid = el("div", "groups");
        grid.append(...vendor.groups.map(groupCard));
        section.append(grid);
      }
      return section;
    });
    vendors.replaceChildren(...sections);
  }

  async function refresh() {
    try {
      const answer = await fetch("/_emulator/overview", { cache: "no-store" });
      if (!answer.ok) throw new Error("HTTP " + answer.status);
      const overview = await answer.json();
      // Redrawn only on change, so reading and scrolling are not disturbed.
      const text = JSON.stringify(overview.vendors);
      if (text !== shown) {
        render(overview);
        shown = text;
      }
      status.className = "";
      status.textContent = "Updated " + new Date().toLocaleTimeString() + " · refreshes every 2 s";
    } catch (error) {
      status.className = "error";
      status.textContent = "The emulator does not answer (" + error.message + "); retrying";
    } finally {
      setTimeout(refresh, REFRESH_MS);
    }
  }
  refresh();
`;

export const OVERVIEW_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Resource groups emulator</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>Resource groups emulator</h1><span id="status">Loading…</span></header>
<main id="vendors"></main>
<script>${SCRIPT}</script>
</body>
</html>
`;
