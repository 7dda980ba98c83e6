import ASCIIBytes
import RegistryLayoutKit
import RegistryModel

/// Reads a services(5) file: Debian netbase's curated `/etc/services`, iana-etc's, or the one
/// ianaconv writes. Each line, as the C library reads it, is a record: its name, its port and
/// protocol (`port/protocol`) and the text of its comment as the description, each located at
/// its line and column; every alias becomes a record of its own on the same port and protocol,
/// with the note by which the registry marks an alias (`This entry is an alias to "name".`),
/// so the rules check aliases as names too. Fields are kept as written, so `validate` reports
/// a port out of bounds or a protocol outside tcp/udp/sctp/dccp (netbase's `ddp`).
/// The header ianaconv writes gives back the registry's title and date.
public enum ServicesReader: RegistryReader {
    public static let name = "services"
    public static let aliases: [String] = ["etc-services"]

    /// The first line that is not blank or a comment reads as `name port/protocol`.
    public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
        var lines = head.split(separator: 0x0A)
        if head.last != 0x0A, lines.count > 1 { lines.removeLast() }  // maybe cut mid-line
        for line in lines {
            let fields = ServicesFields(line)
            if fields.isCommentOrBlank { continue }
            guard fields.tokens.count >= 2, let slash = fields.tokens[1].bytes.firstIndex(of: UInt8(ascii: "/")) else { return false }
            let token = fields.tokens[1].bytes
            return ASCII.isDigits(token[..<slash]) && token.index(after: slash) < token.endIndex
        }
        return false
    }

    public static func read(_ input: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Registry {
        let input = try lineTextInput(input)
        var registry = Registry(sourceFiles: [input.displayName])
        var inHeader = true
        var lineNumber = 0
        for line in input.bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = ServicesFields(line)
            if fields.isCommentOrBlank {
                if inHeader { readHeader(line, into: &registry) }
                continue
            }
            inHeader = false
            registry.records += records(of: fields, line: lineNumber, input, &diagnostics)
        }
        return registry
    }

    /// The title and date from the key lines of the header ianaconv writes.
    private static func readHeader(_ line: ArraySlice<UInt8>, into registry: inout Registry) {
        let text = String(decoding: line, as: UTF8.self)
        if text.hasPrefix(ServicesLine.titleKey) {
            registry.title = String(text.dropFirst(ServicesLine.titleKey.count))
        } else if text.hasPrefix(ServicesLine.updatedKey) {
            registry.updated = Parsed(String(text.dropFirst(ServicesLine.updatedKey.count)))
        }
    }

    /// The line's service and each of its aliases.
    private static func records(
        of fields: ServicesFields, line: Int, _ input: InputFile, _ diagnostics: inout [Diagnostic]
    ) -> [Record] {
        let name = fields.tokens[0]
        var service = Record()
        service.name = Parsed(name.text)
        service.locations[.record] = input.location(line: line, column: name.column)
        service.locations[.name] = input.location(line: line, column: name.column)
        if fields.tokens.count < 2 {
            diagnostics.append(Diagnostic(
                file: input.displayName, line: line, column: name.column,
                message: "a services line needs port/protocol after the name; read as a name alone"))
        } else {
            let port = fields.tokens[1]
            let slash = port.bytes.firstIndex(of: UInt8(ascii: "/"))
            service.number = Parsed(String(decoding: port.bytes[..<(slash ?? port.bytes.endIndex)], as: UTF8.self))
            service.locations[.number] = input.location(line: line, column: port.column)
            if let slash {
                service.transportProtocol = Parsed(String(decoding: port.bytes[(slash + 1)...], as: UTF8.self))
                service.locations[.transportProtocol] = input.location(line: line, column: port.column + slash + 1 - port.bytes.startIndex)
            }
        }
        if let comment = fields.comment {
            service.description = RichText(stringLiteral: String(decoding: comment.bytes, as: UTF8.self))
            service.locations[.description] = input.location(line: line, column: comment.column)
        }
        let aliases = fields.tokens.dropFirst(2).map { alias in
            var record = Record()
            record.name = Parsed(alias.text)
            (record.number, record.transportProtocol) = (service.number, service.transportProtocol)
            record.notes = [ServicesLine.aliasNote(to: name.text)]
            for field in [RecordField.record, .name] { record.locations[field] = input.location(line: line, column: alias.column) }
            for field in [RecordField.number, .transportProtocol] { record.locations[field] = service.locations[field] }
            return record
        }
        return [service] + aliases
    }
}

/// One line as the C library splits it: white-space separated tokens up to a `#`, and the
/// comment's text after it (trimmed). Columns count bytes from 1.
struct ServicesFields {
    struct Token {
        var bytes: ArraySlice<UInt8>
        var column: Int
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    var tokens: [Token] = []
    var comment: Token?

    init(_ line: ArraySlice<UInt8>) {
        let hash = line.firstIndex(of: UInt8(ascii: "#")) ?? line.endIndex
        var i = line.startIndex
        while i < hash {
            if ServicesLine.isSeparator(line[i]) {
                i += 1
                continue
            }
            let start = i
            while i < hash, !ServicesLine.isSeparator(line[i]) { i += 1 }
            tokens.append(Token(bytes: line[start..<i], column: start - line.startIndex + 1))
        }
        guard hash < line.endIndex else { return }
        let text = ASCII.trimming(line[(hash + 1)...], where: ServicesLine.isSeparator)
        if !text.isEmpty { comment = Token(bytes: text, column: text.startIndex - line.startIndex + 1) }
    }

    var isCommentOrBlank: Bool { tokens.isEmpty }
}
