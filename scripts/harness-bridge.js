// The web harness's `window.kehoach`: the same `invoke(channel, input)` as the Electron preload, over HTTP.
// The file channels end in the browser: a save is a download of the bytes the harness produced, an open is an
// upload (<input type="file">) kept behind a single-use token, as main keeps the chosen path.
// CONFIG is filled in by scripts/web-harness.ts.
(() => {
  const CONFIG = /*CONFIG*/ null;
  const chosen = new Map();

  // A call carrying a whole file (a .khbak, up to 256 MB) goes to /api/upload: its JSON line without the base64, then
  // the base64 text as it is (no JSON string of hundreds of MB); every other call is one JSON object.
  const UPLOAD_CHANNELS = new Set(['backup.stageFile']);
  const request = (channel, input) => {
    if (UPLOAD_CHANNELS.has(channel) && input && typeof input.base64 === 'string') {
      const { base64, ...rest } = input;
      return { url: '/api/upload', type: 'text/plain; charset=utf-8', body: JSON.stringify({ channel, input: rest }) + '\n' + base64 };
    }
    return { url: '/api/invoke', type: 'application/json', body: JSON.stringify({ channel, input }) };
  };

  const post = async (channel, input) => {
    try {
      const { url, type, body } = request(channel, input);
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
      return await res.json();
    } catch (e) {
      return { ok: false, error: { code: 'INTERNAL', message: 'Không kết nối được máy chủ thử nghiệm: ' + (e && e.message) } };
    }
  };

  const download = (fileName, base64, mime) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  };

  const pickFiles = (accept, multiple) =>
    new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.multiple = multiple;
      input.addEventListener('change', () => resolve(input.files ? Array.from(input.files) : []), { once: true });
      input.addEventListener('cancel', () => resolve([]), { once: true });
      input.click();
    });
  const pickFile = async (accept) => (await pickFiles(accept, false))[0] || null;

  // A chosen file kept behind a token, as main keeps the chosen path (an error when it is over the size limit).
  const keep = (file) => {
    const isBackup = /\.khbak$/i.test(file.name);
    if (file.size > (isBackup ? CONFIG.maxBackupBytes : CONFIG.maxOpenBytes)) {
      return { error: { code: 'IO', message: isBackup ? CONFIG.messages.backupTooLarge : CONFIG.messages.tooLarge } };
    }
    const token = crypto.randomUUID();
    chosen.set(token, file);
    return { token, fileName: file.name, size: file.size };
  };

  const toBase64 = async (file) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };

  const fileChannels = {
    // The harness produces the bytes (and checks the input); the browser saves them as a download.
    'file.chooseSave': async (input) => {
      const result = await post('file.chooseSave', input);
      if (!result.ok) return result;
      download(result.data.fileName, result.file.base64, result.file.mime);
      return { ok: true, data: result.data };
    },
    // The harness checks the input and names the accepted types; the browser asks for the file.
    'file.chooseOpen': async (input) => {
      const result = await post('file.chooseOpen', input);
      if (!result.ok) return result;
      const file = await pickFile(result.accept);
      if (!file) return { ok: true, data: { opened: false } };
      const kept = keep(file);
      if (kept.error) return { ok: false, error: kept.error };
      return { ok: true, data: { opened: true, ...kept } };
    },
    // Several files at once (the upload input with `multiple`).
    'file.chooseOpenMany': async (input) => {
      const result = await post('file.chooseOpenMany', input);
      if (!result.ok) return result;
      const kept = (await pickFiles(result.accept, true)).map(keep);
      const failed = kept.find((k) => k.error);
      if (failed) return { ok: false, error: failed.error };
      return { ok: true, data: { files: kept } };
    },
    // An evidence file: the browser downloads it (the app opens it with the system's viewer).
    'file.openEvidence': async (input) => {
      const result = await post('file.openEvidence', input);
      if (!result.ok) return result;
      download(result.data.fileName, result.file.base64, result.file.mime);
      return { ok: true, data: result.data };
    },
    'file.read': async (input) => {
      const token = input && typeof input.token === 'string' ? input.token : '';
      const file = chosen.get(token);
      chosen.delete(token);
      if (!file) return { ok: false, error: { code: 'NOT_FOUND', message: CONFIG.messages.tokenSpent } };
      return { ok: true, data: { fileName: file.name, base64: await toBase64(file) } };
    },
  };

  const invoke = (channel, input) => (Object.hasOwn(fileChannels, channel) ? fileChannels[channel](input) : post(channel, input));
  Object.defineProperty(window, 'kehoach', { value: Object.freeze({ invoke }), writable: false });
})();
