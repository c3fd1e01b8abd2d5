/**
 * One in-memory ts-morph project per generation run: emitters add their file
 * as a list of statement structures and read back its text. No type checking,
 * no disk access; prettier formats the text afterwards.
 */
import { IndentationText, NewLineKind, Project, QuoteKind, type StatementStructures, type WriterFunction } from "ts-morph";

export function createEmitProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
}

export function printFile(
  project: Project,
  name: string,
  statements: readonly (string | WriterFunction | StatementStructures)[],
): string {
  const file = project.createSourceFile(name, { statements: [...statements] }, { overwrite: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text;
}
