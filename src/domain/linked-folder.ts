/**
 * The sentence for a symbolic link to a folder that Specwright never enters: `file` is its root-relative
 * path, `consequence` what not entering it means (`its deltas would never be merged`). One wording for
 * every place that reports such a link.
 */
export function linkedFolderMessage(file: string, consequence: string): string {
  return `${file} is a symbolic link to a folder; linked folders are never followed, so ${consequence}.`;
}
