/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" builds the static demo: the API is answered by the MSW service worker (mocks/browser.ts). */
  readonly VITE_MSW?: string;
}
