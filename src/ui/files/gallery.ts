/** The examples gallery: every patch in patches/, bundled by Vite with its title and description. */

/** One example patch. */
export interface ExamplePatch {
  /** File name, e.g. 'markov-melody.genpatch.json'. */
  file: string;
  title: string;
  description: string;
  text: string;
}

const files = import.meta.glob('/patches/*.genpatch.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** The bundled examples, sorted by title; files that are not valid JSON are skipped. */
export function listExamples(): ExamplePatch[] {
  const out: ExamplePatch[] = [];
  for (const [path, text] of Object.entries(files)) {
    const file = path.split('/').pop()!;
    try {
      const doc = JSON.parse(text) as { meta?: { title?: string; description?: string } };
      out.push({ file, title: doc.meta?.title ?? file, description: doc.meta?.description ?? '', text });
    } catch {
      console.warn(`examples: ${file} is not valid JSON`);
    }
  }
  return out.sort((a, b) => a.title.localeCompare(b.title));
}
