// The course's microphone recorder (tasnet_edu/ui/voice.py): an anywidget ES module, shipped in the package.
//
// Record -> the browser captures the microphone at its own rate (Web Audio, no processing:
// echo cancellation, noise suppression and automatic gain are switched off) -> Stop (or the
// time limit) -> the take is sent to the kernel as 16-bit PCM at that rate, with the rate;
// Python resamples it to 8 kHz (librosa, as load_audio) and checks it. Every text shown comes
// from Python in the notebook's language (model "texts" and "message"); nothing is fetched.

function wavBlob(int16, rate) {
  const header = new ArrayBuffer(44);
  const v = new DataView(header);
  const put = (offset, s) => { for (let i = 0; i < s.length; i++) v.setUint8(offset + i, s.charCodeAt(i)); };
  put(0, "RIFF"); v.setUint32(4, 36 + int16.byteLength, true); put(8, "WAVE");
  put(12, "fmt "); v.setUint32(16, 16, true); v.setUint16(20, 1, true); v.setUint16(22, 1, true);
  v.setUint32(24, rate, true); v.setUint32(28, rate * 2, true); v.setUint16(32, 2, true); v.setUint16(34, 16, true);
  put(36, "data"); v.setUint32(40, int16.byteLength, true);
  return new Blob([header, int16.buffer], { type: "audio/wav" });
}

function errorKind(error) {
  const name = (error && error.name) || "";
  if (name === "NotAllowedError" || name === "PermissionDeniedError" || name === "SecurityError") return "permission";
  if (name === "NotFoundError" || name === "DevicesNotFoundError" || name === "OverconstrainedError") return "no_microphone";
  if (name === "NotReadableError" || name === "TrackStartError" || name === "AbortError") return "busy";
  return "failed";
}

function render({ model, el }) {
  const text = (key) => (model.get("texts") || {})[key] || key;
  const root = document.createElement("div");
  root.className = "tasnet-recorder";
  const row = document.createElement("div");
  row.className = "tasnet-recorder-row";
  const button = document.createElement("button");
  button.className = "tasnet-recorder-button jp-Button";
  const clock = document.createElement("span");
  clock.className = "tasnet-recorder-clock";
  const meter = document.createElement("div");
  meter.className = "tasnet-recorder-meter";
  meter.title = text("level");
  const bar = document.createElement("div");
  bar.className = "tasnet-recorder-bar";
  meter.appendChild(bar);
  row.append(button, clock, meter);
  const message = document.createElement("div");
  message.className = "tasnet-recorder-message";
  const player = document.createElement("audio");
  player.className = "tasnet-recorder-player";
  player.controls = true;
  player.hidden = true;
  root.append(row, message, player);
  el.appendChild(root);

  let session = null;  // {context, stream, source, node, chunks, count, peak}
  let playUrl = null;

  const limit = () => Number(model.get("max_seconds")) || 10;
  const showClock = (seconds) => { clock.textContent = `${seconds.toFixed(1)} s / ${limit()} s`; };
  const showLevel = (rms, peak) => {
    const db = 20 * Math.log10(Math.max(rms, 1e-6));
    bar.style.width = `${Math.max(0, Math.min(100, (100 * (db + 60)) / 60)).toFixed(1)}%`;
    bar.classList.toggle("tasnet-recorder-clip", peak >= 0.99);
  };
  const showMessage = () => {
    message.textContent = model.get("message") || "";
    message.dataset.kind = model.get("message_kind") || "";
  };
  const showButton = () => {
    button.textContent = session ? text("stop") : text("record");
    button.classList.toggle("tasnet-recorder-on", !!session);
    root.dataset.status = model.get("status") || "idle";
  };

  function report(kind, detail) {
    model.send({ type: "error", kind, detail: String(detail || "") });
  }

  async function start() {
    if (!window.isSecureContext || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      report(window.isSecureContext ? "unsupported" : "insecure", location.protocol);
      return;
    }
    const AudioContextClass = window.AudioContext || window.webkitAudioContext;
    if (!AudioContextClass) { report("unsupported", "AudioContext"); return; }
    button.disabled = true;
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false, channelCount: 1 },
      });
    } catch (error) {
      button.disabled = false;
      report(errorKind(error), `${error && error.name}: ${error && error.message}`);
      return;
    }
    try {
      const context = new AudioContextClass();
      await context.resume();
      const source = context.createMediaStreamSource(stream);
      const node = context.createScriptProcessor(4096, 1, 1);
      session = { context, stream, source, node, chunks: [], count: 0, peak: 0 };
      const s = session;
      node.onaudioprocess = (event) => {
        if (session !== s) return;
        const x = event.inputBuffer.getChannelData(0);
        s.chunks.push(new Float32Array(x));
        s.count += x.length;
        let sum = 0, peak = 0;
        for (let i = 0; i < x.length; i++) { sum += x[i] * x[i]; peak = Math.max(peak, Math.abs(x[i])); }
        s.peak = Math.max(s.peak, peak);
        showLevel(Math.sqrt(sum / x.length), peak);
        showClock(s.count / context.sampleRate);
        if (s.count >= limit() * context.sampleRate) stop("limit");
      };
      source.connect(node);
      node.connect(context.destination);  // a ScriptProcessor only runs when connected; it outputs silence
      model.send({ type: "started", rate: context.sampleRate });
    } catch (error) {
      stream.getTracks().forEach((track) => track.stop());
      session = null;
      report("unsupported", `${error && error.name}: ${error && error.message}`);
    } finally {
      button.disabled = false;
      showButton();
    }
  }

  function stop(reason) {
    const s = session;
    if (!s) return;
    session = null;
    s.node.onaudioprocess = null;
    try { s.source.disconnect(); s.node.disconnect(); } catch (e) { /* already disconnected */ }
    s.stream.getTracks().forEach((track) => track.stop());
    const rate = s.context.sampleRate;
    s.context.close();
    const total = Math.min(s.count, Math.round(limit() * rate));
    const pcm = new Int16Array(total);
    let offset = 0;
    for (const chunk of s.chunks) {
      for (let i = 0; i < chunk.length && offset < total; i++, offset++) {
        const v = Math.max(-1, Math.min(1, chunk[i]));
        pcm[offset] = v < 0 ? Math.round(v * 32768) : Math.round(v * 32767);
      }
    }
    if (playUrl) URL.revokeObjectURL(playUrl);
    playUrl = total ? URL.createObjectURL(wavBlob(pcm, rate)) : null;
    player.hidden = !playUrl;
    if (playUrl) player.src = playUrl;
    showLevel(0, 0);
    showClock(total / rate);
    showButton();
    model.send({ type: "take", rate, reason, samples: total }, undefined, [pcm.buffer]);
  }

  button.addEventListener("click", () => { if (session) stop("button"); else start(); });
  model.on("change:message", showMessage);
  model.on("change:message_kind", showMessage);
  model.on("change:status", showButton);
  model.on("change:max_seconds", () => showClock(0));
  showButton();
  showClock(0);
  showLevel(0, 0);
  showMessage();

  return () => {  // the view is removed (cell cleared or re-run): release the microphone
    if (session) {
      const s = session;
      session = null;
      s.stream.getTracks().forEach((track) => track.stop());
      s.context.close();
    }
    if (playUrl) URL.revokeObjectURL(playUrl);
  };
}

export default { render };
