internal import LibXML2
import RegistryModel

/// Applies the project's RELAX NG schema (Schemas/service-names-port-numbers.rng, embedded
/// in the binary as `registrySchema`) to registry XML with libxml2's validator, which parses
/// as safely as the reader does (see `RelaxNGSchema`).
enum SchemaCheck {
    struct Violation {
        var line: Int
        var column: Int
        var message: String
    }

    /// The schema's complaints about `bytes`, in document order; empty when the document is
    /// valid or is not well-formed XML (the reader reports that).
    static func violations(in bytes: [UInt8], treeLimit: Int = treeLimit, chunkSize: Int = ChunkedTreeCheck.chunkSize) -> [Violation] {
        guard let schema = compiledSchema, !bytes.isEmpty else { return [] }
        // The stream first: a valid registry (the usual case) is passed fast and small. What a
        // schema says of a document cut short would only mislead, so one that is not well
        // formed gets nothing.
        guard let streamed = schema.streamingCheck(bytes).map(schemaViolations), !streamed.isEmpty else { return [] }
        // But past an element out of place the streaming validator loses its place (it pops a
        // content model it never pushed) and reports everything after as wrong, so an invalid
        // document is checked again as a tree, where each element is checked on its own. A
        // tree takes about ten times the file's size: a larger file gets what the stream said
        // up to its first element out of place, which is still sure.
        var collected = bytes.count > treeLimit ? streamed.upToFirstLostPlace
            : ChunkedTreeCheck.violations(bytes, schema: schema, chunkSize: chunkSize, complaints: schemaViolations)
                ?? schemaViolations(schema.treeCheck(bytes) ?? [])

        let lines = LineIndex(bytes)
        // libxml2 follows a specific complaint with generic ones about the enclosing element;
        // keep the generic ones only when nothing else was said.
        let generic = ["failed to validate content", "failed to validate attributes", "has extra content"]
        let specific = collected.filter { raw in !generic.contains { raw.message.containsBytes($0) } }
        if !specific.isEmpty { collected = specific }
        return collected.map { raw in
            Violation(line: raw.line, column: lines.column(ofTag: raw.element, onLine: raw.line), message: raw.message)
        }
    }

    /// The largest file checked again as a tree: eight times IANA's registry.
    static let treeLimit = 32 << 20

    /// The schema's complaints among libxml2's messages (the parser's are the reader's to report).
    static func schemaViolations(_ messages: [ParserMessage]) -> [RawViolation] {
        messages.filter(\.isSchemaViolation).map(RawViolation.init)
    }

    /// The schema, compiled once per process.
    private static let compiledSchema = RelaxNGSchema(registrySchema)
}

extension [RawViolation] {
    /// The complaints up to the first that leaves the streaming validator out of step.
    fileprivate var upToFirstLostPlace: [RawViolation] {
        let lost = ["Did not expect", "Expecting an element", "ends without an element"]
        guard let first = firstIndex(where: { raw in lost.contains { raw.message.containsBytes($0) } })
        else { return self }
        return Array(self[...first])
    }
}

extension String {
    /// Whether `part` occurs in the string byte for byte: libxml2's messages are matched
    /// against ASCII phrases, and `contains`, which compares Characters, took half the time of
    /// validating a file of invalid records.
    fileprivate func containsBytes(_ part: String) -> Bool {
        var text = self
        var part = part
        return text.withUTF8 { text in
            part.withUTF8 { part in
                guard let first = part.first, part.count <= text.count else { return part.isEmpty }
                for start in 0...(text.count - part.count) where text[start] == first {
                    if UnsafeBufferPointer(rebasing: text[start..<(start + part.count)]).elementsEqual(part) { return true }
                }
                return false
            }
        }
    }
}

/// A complaint of the schema's, before columns are worked out.
struct RawViolation {
    var line: Int
    var element: String
    var message: String

    init(_ complaint: ParserMessage) {
        line = max(complaint.line ?? 1, 1)
        element = complaint.element ?? ""
        message = complaint.text
        if message == "Expecting an element , got nothing" {
            // libxml2 leaves the name out (a TODO in its source); the schema requires two.
            message = "<\(element)> ends without an element the schema requires (a <record> needs a <description>, an <assignee> an <xref>)"
        }
    }
}

/// Line starts of a document, to turn libxml2's line numbers into line and column.
private struct LineIndex {
    let bytes: [UInt8]
    var starts: [Int] = [0]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
    }

    /// The column of `<element` on `line` (the element libxml2 complains about), else 1.
    func column(ofTag element: String, onLine line: Int) -> Int {
        guard line >= 1, line <= starts.count, !element.isEmpty else { return 1 }
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] : bytes.count
        let tag = Array(("<" + element).utf8)
        var offset = start
        while offset + tag.count < end {
            if opensStartTag(tag, at: offset, in: bytes) { return offset - start + 1 }
            offset += 1
        }
        return 1
    }
}
