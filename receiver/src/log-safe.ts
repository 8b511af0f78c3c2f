// Values a client chose (an Origin header, a site name) end up in log lines. Control characters are
// written as \uXXXX so a crafted value cannot forge a log line or move a terminal's cursor.

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function forLog(value: unknown, max = 300): string {
  const text = String(value);
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
