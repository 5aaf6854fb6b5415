/**
 * Why the system refused to read or write a file, in the user's words. A code such as ENOENT or
 * EACCES means nothing to a coordinator and is never shown: the commonest causes have words of
 * their own, any other gets a plain sentence.
 */
import { format, type Catalog, type ToolKey } from './messages.js';

const WORDED = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EFBIG',
  'ENOTDIR',
  'EISDIR',
  'ENAMETOOLONG',
  'EEXIST',
  'ELOOP',
  'EMFILE',
  'ENFILE',
  'EIO',
  'EBUSY',
  'ETXTBSY',
  'EINVAL',
]);

/** The code of a system error, or undefined for any other error. */
export function systemCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Why it failed, in words ("not found", "permission denied", "no space left on the disk"); never the code. */
export function systemReason(texts: Catalog, err: unknown): string {
  const code = systemCode(err);
  return format(
    texts,
    code !== undefined && WORDED.has(code) ? (`error.write.code.${code}` as ToolKey) : 'error.write.failed',
  );
}
