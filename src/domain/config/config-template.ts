import { DEFAULT_SCHEMA } from '../names.ts';

/**
 * The `openspec/config.yaml` that `init` writes. Only `schema` is active; the rest are commented
 * examples, because an uncommented example would silently become part of every AI instruction.
 * Kept as a constant (not an asset file) because it is short and must not depend on the install layout.
 */
export function renderInitialConfig(): string {
  return `# Project configuration for Specwright and OpenSpec.

# Workflow schema for new changes (openspec/schemas/<name>/ or the built-in spec-driven).
schema: ${DEFAULT_SCHEMA}

# Background given to the AI assistant with every artifact instruction: stack, conventions, vocabulary.
# Plain text, up to 50 KB.
# context: |
#   Tech stack: TypeScript on Node 24, PostgreSQL.
#   We use conventional commits and keep functions small.

# Extra rules per artifact id (proposal, specs, design, tasks); shown only for that artifact.
# rules:
#   proposal:
#     - Keep proposals under one page.
#   tasks:
#     - Each task must fit in one commit.

# Language for generated artifacts; structural headings and SHALL/MUST stay in English.
# (A Specwright key; OpenSpec ignores it.)
# language: English
`;
}
