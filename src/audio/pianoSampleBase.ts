/** Where the page serves the piano samples (see pianoSamplesVitePlugin). */
export const DEFAULT_PIANO_BASE_URL = '/samples/piano/';
