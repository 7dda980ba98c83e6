import RegistryModel
import RegistryReaders
import TestSupport

/// Reads `text` with `reader`, failing the test with the reader's own message.
func read(_ text: String, with reader: any RegistryReader.Type) throws -> Registry {
    var diagnostics: [Diagnostic] = []
    return try reader.read(InputFile(displayName: "test", bytes: Array(text.utf8)), diagnostics: &diagnostics)
}

/// One of IANA's files in the suite, read with its layout's reader.
func readFixture(_ path: String, with reader: any RegistryReader.Type) throws -> Registry {
    var diagnostics: [Diagnostic] = []
    return try reader.read(InputFile(displayName: path, bytes: try Paths.bytes(path)), diagnostics: &diagnostics)
}
