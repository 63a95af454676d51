// Set-up of the component tests (jsdom): Testing Library's matchers, a clean page and language
// (Japanese first, as a first visit) and no faked network left over from the test before.
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// jsdom draws nothing: a canvas has no context, as when a browser blocks canvases.
HTMLCanvasElement.prototype.getContext = () => null;

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});
