import { describe, expect, it } from 'vitest';
import { isSafeUrl, segmentBody, videoEmbedUrl } from './bodySegments';

describe('segmentBody', () => {
  it('splits text, inline and display formulas', () => {
    expect(segmentBody('Area $\\pi r^2$ and $$\\int_0^1 x\\,dx$$ done')).toEqual([
      { kind: 'text', text: 'Area ' },
      { kind: 'math', tex: '\\pi r^2', display: false },
      { kind: 'text', text: ' and ' },
      { kind: 'math', tex: '\\int_0^1 x\\,dx', display: true },
      { kind: 'text', text: ' done' },
    ]);
  });

  it('keeps escaped and unclosed dollars as text, and inline math within a line', () => {
    expect(segmentBody('costs \\$5 or $6')).toEqual([{ kind: 'text', text: 'costs $5 or $6' }]);
    expect(segmentBody('a $b\nc$ d')).toEqual([{ kind: 'text', text: 'a $b\nc$ d' }]);
  });

  it('reads Markdown links and images with safe URLs only', () => {
    expect(segmentBody('See [the notes](https://example.org/n) ![graph](/files/g.png)')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'the notes', url: 'https://example.org/n' },
      { kind: 'text', text: ' ' },
      { kind: 'image', alt: 'graph', url: '/files/g.png' },
    ]);
    expect(segmentBody('[x](javascript:alert(1))')).toEqual([{ kind: 'text', text: '[x](javascript:alert(1))' }]);
  });

  it('accepts only http(s), mailto and same-site URLs', () => {
    expect(isSafeUrl('https://a.b')).toBe(true);
    expect(isSafeUrl('/x')).toBe(true);
    expect(isSafeUrl('//evil.org/x')).toBe(false);
    expect(isSafeUrl('data:text/html,x')).toBe(false);
  });
});

describe('videoEmbedUrl', () => {
  it('embeds YouTube through youtube-nocookie.com and Vimeo through its player', () => {
    expect(videoEmbedUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(videoEmbedUrl('https://youtu.be/dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(videoEmbedUrl('https://youtube.com/shorts/dQw4w9WgXcQ')).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    expect(videoEmbedUrl('https://vimeo.com/76979871')).toBe('https://player.vimeo.com/video/76979871');
  });

  it('leaves any other link to be shown as a link', () => {
    expect(videoEmbedUrl('https://example.org/video.mp4')).toBeNull();
    expect(videoEmbedUrl('not a url')).toBeNull();
    expect(videoEmbedUrl('javascript:alert(1)')).toBeNull();
  });
});
