/**
 * Loads the site's data files. They are scripts calling one global function, not JSON: a page
 * opened from file:// may not fetch() its neighbours, but it may load their scripts.
 */
import { DATA_FILES } from '../../report/dashboard-types.js';

const waiting = new Map<string, (data: unknown) => void>();
const loaded = new Map<string, Promise<unknown>>();

(globalThis as unknown as Record<string, unknown>)[DATA_FILES.callback] = (name: string, data: unknown) => {
  waiting.get(name)?.(data);
  waiting.delete(name);
};

/** The data of `data/<name>`, loaded once. */
export function loadData<T>(name: string): Promise<T> {
  let p = loaded.get(name);
  if (!p) {
    p = new Promise<unknown>((resolve, reject) => {
      waiting.set(name, resolve);
      const script = document.createElement('script');
      script.src = `data/${name}`;
      script.async = true;
      script.onerror = () => reject(new Error(`could not load data/${name}`));
      script.onload = () => script.remove();
      document.head.append(script);
    });
    loaded.set(name, p);
  }
  return p as Promise<T>;
}
