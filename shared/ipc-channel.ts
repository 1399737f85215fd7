/** The single Electron IPC channel every contract call travels on (channel name + input as arguments). */
export const INVOKE_CHANNEL = 'kehoach:invoke';
