import type { InputHTMLAttributes, Ref } from 'react';
import { SearchIcon } from './icons';

export interface SearchInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  ref?: Ref<HTMLInputElement>;
  /** Shown as a key hint, e.g. "/". */
  shortcut?: string;
}

export function SearchInput({ shortcut, className, ref, ...rest }: SearchInputProps) {
  return (
    <div className={`search-input${className ? ` ${className}` : ''}`}>
      <SearchIcon className="search-input-icon" />
      <input ref={ref} type="search" autoComplete="off" spellCheck={false} {...rest} />
      {shortcut && (
        <kbd className="search-input-kbd" aria-hidden="true">
          {shortcut}
        </kbd>
      )}
    </div>
  );
}
