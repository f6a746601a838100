/**
 * A body as teachers write it (docs/knowledge-graph.md): plain text with `$…$` / `$$…$$` LaTeX, Markdown links
 * `[text](url)` and images `![alt](url)`. `\$` is a literal dollar. Only http(s), mailto and same-site URLs become
 * links or images; anything else stays text.
 */
export type Segment =
  | { kind: 'text'; text: string }
  | { kind: 'math'; tex: string; display: boolean }
  | { kind: 'link'; text: string; url: string }
  | { kind: 'image'; alt: string; url: string };

export function isSafeUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) {
    return true;
  }
  return /^(https?:\/\/|mailto:)/i.test(trimmed);
}

const markdownLink = /^(!?)\[([^\]\n]*)\]\(([^)\s]+)\)/;

export function segmentBody(body: string): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') {
      segments.push({ kind: 'text', text });
      text = '';
    }
  };
  let i = 0;
  while (i < body.length) {
    const char = body[i]!;
    if (char === '\\' && body[i + 1] === '$') {
      text += '$';
      i += 2;
      continue;
    }
    if (char === '$') {
      const display = body[i + 1] === '$';
      const open = display ? 2 : 1;
      const close = findClosing(body, i + open, display);
      if (close > i + open) {
        flush();
        segments.push({ kind: 'math', tex: body.slice(i + open, close).trim(), display });
        i = close + open;
        continue;
      }
    }
    if (char === '[' || (char === '!' && body[i + 1] === '[')) {
      const match = markdownLink.exec(body.slice(i));
      if (match && isSafeUrl(match[3]!)) {
        flush();
        segments.push(match[1] === '!' ? { kind: 'image', alt: match[2]!, url: match[3]! } : { kind: 'link', text: match[2] || match[3]!, url: match[3]! });
        i += match[0].length;
        continue;
      }
    }
    text += char;
    i += 1;
  }
  flush();
  return segments;
}

/** Where the formula opened at `from` closes (`$` or `$$`, not escaped), or -1. Inline math does not cross a line. */
function findClosing(body: string, from: number, display: boolean): number {
  for (let j = from; j < body.length; j += 1) {
    const char = body[j];
    if (char === '\\') {
      j += 1;
      continue;
    }
    if (!display && char === '\n') {
      return -1;
    }
    if (char === '$' && (!display || body[j + 1] === '$')) {
      return j;
    }
  }
  return -1;
}

/** The player to embed for a YouTube or Vimeo link (privacy-enhanced YouTube), or null: show it as a link. */
export function videoEmbedUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return null;
  }
  const host = parsed.hostname.toLowerCase().replace(/^(www\.|m\.)/, '');
  const id = (value: string | null | undefined) => (value && /^[A-Za-z0-9_-]{6,20}$/.test(value) ? value : null);
  let youtube: string | null = null;
  if (host === 'youtu.be') {
    youtube = id(parsed.pathname.split('/')[1]);
  } else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    const [, first, second] = parsed.pathname.split('/');
    youtube = first === 'watch' ? id(parsed.searchParams.get('v')) : first === 'embed' || first === 'shorts' || first === 'live' ? id(second) : null;
  }
  if (youtube !== null) {
    return `https://www.youtube-nocookie.com/embed/${youtube}`;
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const vimeo = parsed.pathname.split('/').find((part) => /^\d{3,12}$/.test(part));
    return vimeo !== undefined ? `https://player.vimeo.com/video/${vimeo}` : null;
  }
  return null;
}
