/** Live signal sources: the microphone and looped audio files, plus a level meter (see docs/live-io.md). */
export { openMicrophone, type InputStatus, type MicrophoneInput, type MicrophoneOptions } from './microphone';
export { openAudioFile, type AudioFileInput, type AudioFileOptions } from './fileInput';
export { createLevelMeter, type LevelMeter } from './levelMeter';
