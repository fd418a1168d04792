import { useEffect, useId, useRef, useState } from 'react';

export interface JsonEditorProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** 1-based line to highlight (the offending line of a rejected document). */
  highlightLine?: number | null;
  /** Id of the element describing the problem, when there is one. */
  errorId?: string;
  rows?: number;
}

const LINE_HEIGHT = 20;
const PAD = 8;

/** A monospace JSON textarea with line numbers and one highlighted line. */
export function JsonEditor({ label, value, onChange, highlightLine = null, errorId, rows = 18 }: JsonEditorProps) {
  const id = useId();
  const [scrollTop, setScrollTop] = useState(0);
  const area = useRef<HTMLTextAreaElement | null>(null);
  const lineCount = value.split(/\r\n|\n|\r/).length;

  // Bring the highlighted line into view when it changes.
  useEffect(() => {
    const el = area.current;
    if (!el || highlightLine === null) return;
    const top = (highlightLine - 1) * LINE_HEIGHT;
    if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - LINE_HEIGHT * 2) el.scrollTop = Math.max(0, top - LINE_HEIGHT * 3);
  }, [highlightLine]);

  return (
    <div className="json-editor-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="json-editor" style={{ height: rows * LINE_HEIGHT + PAD * 2 }}>
        <div className="json-gutter" aria-hidden="true">
          <div style={{ transform: `translateY(${-scrollTop}px)` }}>
            {Array.from({ length: lineCount }, (_, i) => (
              <div key={i} className={i + 1 === highlightLine ? 'json-line-number json-line-error' : 'json-line-number'}>
                {i + 1}
              </div>
            ))}
          </div>
        </div>
        <div className="json-text">
          {highlightLine !== null && (
            <div className="json-highlight" aria-hidden="true" style={{ top: PAD + (highlightLine - 1) * LINE_HEIGHT - scrollTop }} />
          )}
          <textarea
            id={id}
            ref={area}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            wrap="off"
            aria-invalid={highlightLine !== null || undefined}
            aria-describedby={errorId}
          />
        </div>
      </div>
    </div>
  );
}
