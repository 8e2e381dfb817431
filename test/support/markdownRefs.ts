/**
 * What a Markdown file refers to, read without a Markdown library: its links, its headings' anchors, its
 * inline code and the lines of its shell blocks, each with the line it is on. Good enough for this
 * repository's docs (fenced code blocks, `[text](target)` links, `#` headings), not a CommonMark parser.
 */

export interface Located {
  text: string;
  /** 1-based line of the file. */
  line: number;
}

export interface MarkdownRefs {
  /** Targets of `[text](target)` links and `[label]: target` definitions, outside code. */
  links: Located[];
  /** The anchors GitHub gives the file's headings (`#my-heading`, `#my-heading-1` for a repeat). */
  anchors: Set<string>;
  /** The text of every inline code span. */
  codeSpans: Located[];
  /** Every line of the code blocks marked as shell (`sh`, `bash`, `shell`, `console`). */
  shellLines: Located[];
}

const SHELL_LANGUAGES = new Set(["sh", "bash", "shell", "console"]);
const FENCE = /^\s*(`{3,}|~{3,})\s*([\w-]*)/;
const CODE_SPAN = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g;
const INLINE_LINK = /\[(?:[^\]\\]|\\.)*\]\(\s*<?([^\s)>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/;
const HEADING = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/;

/** GitHub's anchor for a heading: the rendered text in lowercase, punctuation dropped, spaces as `-`. */
export function headingAnchor(heading: string): string {
  const rendered = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`/g, "")
    .replace(/<[^>]+>/g, "");
  return rendered
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function readMarkdown(source: string): MarkdownRefs {
  const lines = source.split("\n");
  const codeSpans: Located[] = [];
  const shellLines: Located[] = [];
  const anchors = new Set<string>();
  const anchorCounts = new Map<string, number>();
  // The file with every code block and code span blanked out (same length), where links are looked for.
  const prose: string[] = [];
  let fence: { marker: string; shell: boolean } | undefined;

  lines.forEach((text, index) => {
    const line = index + 1;
    const opening = FENCE.exec(text);
    if (fence) {
      if (opening && opening[1]?.startsWith(fence.marker) && text.trim() === opening[1]) fence = undefined;
      else if (fence.shell) shellLines.push({ text, line });
      prose.push("");
      return;
    }
    if (opening) {
      fence = { marker: opening[1] ?? "```", shell: SHELL_LANGUAGES.has((opening[2] ?? "").toLowerCase()) };
      prose.push("");
      return;
    }
    prose.push(
      text.replace(CODE_SPAN, (span: string, _ticks: string, content: string) => {
        codeSpans.push({ text: content.trim(), line });
        return " ".repeat(span.length);
      }),
    );
    const heading = HEADING.exec(text);
    if (heading) {
      const base = headingAnchor(heading[1] ?? "");
      const seen = anchorCounts.get(base) ?? 0;
      anchorCounts.set(base, seen + 1);
      anchors.add(seen === 0 ? base : `${base}-${seen}`);
    }
  });

  const joined = prose.join("\n");
  const links: Located[] = [...joined.matchAll(INLINE_LINK)].map((m) => ({
    text: m[1] ?? "",
    line: lineAt(joined, m.index),
  }));
  prose.forEach((text, index) => {
    const definition = LINK_DEFINITION.exec(text);
    if (definition) links.push({ text: definition[1] ?? "", line: index + 1 });
  });
  return { links, anchors, codeSpans, shellLines };
}
