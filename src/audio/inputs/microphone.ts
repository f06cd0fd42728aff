/** The microphone as a live signal source: getUserMedia → MediaStreamAudioSourceNode, with refusals turned into a status. */

/** 'ready' with a node; otherwise why there is none. */
export type InputStatus = 'ready' | 'denied' | 'no-device' | 'unsupported' | 'error';

/** An open microphone. */
export interface MicrophoneInput {
  readonly status: InputStatus;
  /** A sentence for the UI when status is not 'ready'. */
  readonly message: string;
  /** The live signal (null unless ready): connect it like any source node. */
  readonly node: MediaStreamAudioSourceNode | null;
  /** The device's label, where the browser tells it. */
  readonly label: string;
  /** Stops the device (its light goes off) and disconnects the node. */
  stop(): void;
}

/** Options of `openMicrophone`. */
export interface MicrophoneOptions {
  /** Injected for tests; default navigator.mediaDevices.getUserMedia. */
  getUserMedia?: (constraints: MediaStreamConstraints) => Promise<MediaStream>;
  /** Device id from enumerateDevices; default the system's choice. */
  deviceId?: string;
  /** Keep the browser's voice processing (echo cancellation, noise suppression, auto gain); off by default, as music wants the raw signal. */
  voiceProcessing?: boolean;
}

/**
 * Opens the microphone. Never throws for a refusal or a missing device: the status says why.
 * @example
 * const mic = await openMicrophone(ctx);
 * if (mic.node) mic.node.connect(follower); else notify(mic.message);
 */
export async function openMicrophone(ctx: AudioContext, options: MicrophoneOptions = {}): Promise<MicrophoneInput> {
  const gum = options.getUserMedia ?? browserGetUserMedia();
  if (!gum) return failed('unsupported', 'this page cannot use a microphone (navigator.mediaDevices is missing: the page needs https or localhost)');
  const processing = options.voiceProcessing ?? false;
  const audio: MediaTrackConstraints = {
    echoCancellation: processing, noiseSuppression: processing, autoGainControl: processing,
    ...(options.deviceId ? { deviceId: { exact: options.deviceId } } : {}),
  };
  let stream: MediaStream;
  try {
    stream = await gum({ audio, video: false });
  } catch (err) {
    const name = (err as { name?: string }).name;
    const text = (err as { message?: string }).message ?? String(err);
    if (name === 'NotAllowedError' || name === 'SecurityError') return failed('denied', `microphone permission was refused: ${text}`);
    if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError') return failed('no-device', `no usable microphone: ${text}`);
    return failed('error', `the microphone could not be opened: ${text}`);
  }
  const node = ctx.createMediaStreamSource(stream);
  const track = stream.getAudioTracks()[0];
  return {
    status: 'ready',
    message: '',
    node,
    label: track?.label ?? '',
    stop() {
      node.disconnect();
      for (const t of stream.getTracks()) t.stop();
    },
  };
}

function browserGetUserMedia(): MicrophoneOptions['getUserMedia'] | undefined {
  const devices = (globalThis as { navigator?: { mediaDevices?: MediaDevices } }).navigator?.mediaDevices;
  return devices?.getUserMedia ? (c) => devices.getUserMedia(c) : undefined;
}

function failed(status: Exclude<InputStatus, 'ready'>, message: string): MicrophoneInput {
  return { status, message, node: null, label: '', stop: () => undefined };
}
