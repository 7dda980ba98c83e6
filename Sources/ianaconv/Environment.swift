import Glibc
import RegistryReaders

/// The absolute path of the current directory, which relative paths start from.
func currentDirectory() -> String? {
    guard let path = getcwd(nil, 0) else { return nil }
    defer { free(path) }
    return String(cString: path)
}

/// Says on stderr that a command waits for standard input when `paths` reads it and it is a
/// terminal, as csvkit does: a command typed without a file otherwise seems to hang.
func announceStandardInput(_ paths: [String]) {
    guard paths.isEmpty || paths.contains("-"), isatty(STDIN_FILENO) == 1 else { return }
    standardError.write("ianaconv: reading the registry from standard input (Ctrl-D to end)…\n")
}

/// Where what a reader noticed and worked around goes: stderr, or nowhere with `--quiet`.
func notices(quiet: Bool) -> (Diagnostic) -> Void {
    if quiet { return { _ in } }
    return printNotice
}
