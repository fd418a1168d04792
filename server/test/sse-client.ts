/** Reads a server-sent-event stream over a real socket, frame by frame. */
export interface SseFrame {
  event?: string;
  id?: string;
  data?: string;
  comment?: string;
}

export interface SseReader {
  status: number;
  headers: Headers;
  /** The next frame matching `pick` (frames before it are dropped). */
  next: (pick?: (f: SseFrame) => boolean, timeoutMs?: number) => Promise<SseFrame>;
  /** Resolves when the server ends the stream. */
  ended: () => Promise<void>;
  close: () => void;
}

function parseFrame(text: string): SseFrame {
  const f: SseFrame = {};
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) f.comment = line.slice(1).trim();
    const m = /^(event|id|data|retry): ?(.*)$/.exec(line);
    if (!m) continue;
    const [, field, value = ''] = m;
    if (field === 'data') f.data = f.data === undefined ? value : `${f.data}\n${value}`;
    else if (field === 'event') f.event = value;
    else if (field === 'id') f.id = value;
  }
  return f;
}

class FrameQueue {
  readonly frames: SseFrame[] = [];
  done = false;
  private waiters: (() => void)[] = [];

  push(f: SseFrame): void {
    this.frames.push(f);
    this.wake();
  }
  finish(): void {
    this.done = true;
    this.wake();
  }
  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
  changed(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      setTimeout(resolve, timeoutMs);
    });
  }
}

async function pump(body: ReadableStream<Uint8Array> | null, queue: FrameQueue): Promise<void> {
  if (!body) return queue.finish();
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = body.getReader();
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      let i = buffer.indexOf('\n\n');
      while (i >= 0) {
        queue.push(parseFrame(buffer.slice(0, i)));
        buffer = buffer.slice(i + 2);
        i = buffer.indexOf('\n\n');
      }
    }
  } catch {
    // aborted by close()
  }
  queue.finish();
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const queue = new FrameQueue();
  void pump(res.body, queue);
  return {
    status: res.status,
    headers: res.headers,
    next: async (pick = () => true, timeoutMs = 5000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const idx = queue.frames.findIndex(pick);
        const frame = idx >= 0 ? queue.frames.splice(0, idx + 1).at(-1) : undefined;
        if (frame) return frame;
        if (queue.done) throw new Error('stream ended');
        if (Date.now() >= deadline) throw new Error('timed out waiting for a frame');
        await queue.changed(deadline - Date.now());
      }
    },
    ended: async () => {
      const deadline = Date.now() + 5000;
      while (!queue.done && Date.now() < deadline) await queue.changed(deadline - Date.now());
      if (!queue.done) throw new Error('the stream did not end');
    },
    close: () => controller.abort(),
  };
}
