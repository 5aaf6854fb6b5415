/**
 * What an answers file's shape depends on, as one text: each question's id, type, values and
 * whether skip logic may hide it. Two rule bases with the same key take the same answers files
 * (labels and hints do not count), so a checker made for one serves the other.
 */
export function questionnaireKey(
  questions: readonly { id: string; type: string; choices: readonly { value: unknown }[]; askWhen?: unknown }[],
): string {
  return JSON.stringify(questions.map((q) => [q.id, q.type, q.choices.map((c) => c.value), Boolean(q.askWhen)]));
}
