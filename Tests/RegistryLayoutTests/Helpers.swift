import RegistryModel
import RegistryReaders
import RegistryWriters

/// Reads `text` with `reader`, failing the test with the reader's own message.
func read(_ text: String, with reader: any RegistryReader.Type, name: String = "test") throws -> (Registry, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let registry = try reader.read(InputFile(displayName: name, bytes: Array(text.utf8)), diagnostics: &diagnostics)
    return (registry, diagnostics)
}

/// The ReadError a reader throws for `text`, or nil when it reads.
func readError(_ bytes: [UInt8], with reader: any RegistryReader.Type) -> ReadError? {
    var diagnostics: [Diagnostic] = []
    do {
        _ = try reader.read(InputFile(displayName: "bad", bytes: bytes), diagnostics: &diagnostics)
        return nil
    } catch {
        return error
    }
}

func render(_ registry: Registry, with writer: any RegistryWriter.Type) -> (String, LossReport) {
    let (bytes, losses) = writer.render(registry)
    return (String(decoding: bytes, as: UTF8.self), losses)
}

/// A registry document around some records, as IANA's XML has them.
func xmlRegistry(_ records: String, people: String = "") -> String {
    """
    <?xml version='1.0' encoding='UTF-8'?>
    <registry xmlns="http://www.iana.org/assignments" id="service-names-port-numbers">
      <title>T</title>
    \(records)\(people.isEmpty ? "" : "  <people>\n\(people)  </people>\n")</registry>

    """
}
