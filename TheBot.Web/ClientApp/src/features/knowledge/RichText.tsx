import 'katex/dist/katex.min.css';
import { useEffect, useMemo, useRef } from 'react';
import { segmentBody } from './bodySegments';
import './knowledge.css';

/**
 * A lesson body: text with KaTeX formulas, Markdown links and images. KaTeX builds its DOM itself (katex.render) rather
 * than through innerHTML, so its sizes are set as style properties, which the site's CSP (style-src 'self') allows,
 * where inline style attributes would be refused.
 */
export function RichText({ body, className, inline = false }: { body: string; className?: string; inline?: boolean }) {
  const segments = useMemo(() => segmentBody(body), [body]);
  const Root = inline ? 'span' : 'div';
  return (
    <Root className={`rich-text${inline ? ' rich-text--inline' : ''}${className ? ` ${className}` : ''}`}>
      {segments.map((segment, index) => {
        switch (segment.kind) {
          case 'math':
            return <Formula key={index} tex={segment.tex} display={segment.display} />;
          case 'link':
            return (
              <a key={index} href={segment.url} target="_blank" rel="noopener noreferrer">
                {segment.text}
              </a>
            );
          case 'image':
            return <img key={index} src={segment.url} alt={segment.alt} className="rich-text__image" loading="lazy" />;
          default:
            return <span key={index}>{segment.text}</span>;
        }
      })}
    </Root>
  );
}

function Formula({ tex, display }: { tex: string; display: boolean }) {
  const element = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    let current = true;
    // KaTeX is its own chunk, fetched the first time a formula is shown.
    void import('katex').then(({ default: katex }) => {
      if (current && element.current !== null) {
        katex.render(tex, element.current, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', trust: false, strict: 'ignore' });
      }
    });
    return () => {
      current = false;
    };
  }, [tex, display]);
  return <span ref={element} className={display ? 'rich-text__display' : 'rich-text__math'} data-formula={tex} />;
}
