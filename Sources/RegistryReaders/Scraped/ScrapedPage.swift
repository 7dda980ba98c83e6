import RegistryLayoutKit
import ASCIIBytes
import RegistryModel

/// What the two scraped layouts share besides their rows: the page's lines, its metadata items
/// and its people table.
enum ScrapedPage {
    /// Where a line stands on the page.
    enum Section { case metadata, records, people }

    /// The error for an input without the records table (likely another layout).
    static func noRecordsTable(_ input: InputFile, _ expected: String) -> ReadError {
        ReadError(
            file: input.displayName, line: 1, column: 1,
            message: "no records table: \(expected); name the input's layout if it is another")
    }

    /// The input's lines without their line ends, numbered from 1.
    static func lines(_ input: InputFile) -> [(number: Int, bytes: ArraySlice<UInt8>)] {
        var bytes = input.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var lines: [(Int, ArraySlice<UInt8>)] = []
        var start = bytes.startIndex
        for index in bytes.indices where bytes[index] == 0x0A {
            lines.append((lines.count + 1, stripCR(bytes[start..<index])))
            start = index + 1
        }
        if start < bytes.endIndex { lines.append((lines.count + 1, stripCR(bytes[start...]))) }
        return lines
    }

    private static func stripCR(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == 0x0D ? line.dropLast() : line
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> { ASCII.trimming(bytes) }

    /// True when `bytes` (a line) starts with `prefix`.
    static func line(_ bytes: ArraySlice<UInt8>, startsWith prefix: String) -> Bool {
        bytes.starts(with: prefix.utf8)
    }

    /// Puts one metadata block (`Last Updated`, `Expert(s)`, …) into the registry. `value` is
    /// the block's text as the page shows it.
    static func applyMetadata(key: String, value: String, at line: Int, to registry: inout Registry,
                              _ input: InputFile, _ diagnostics: inout [Diagnostic]) {
        let location = input.location(line: line, column: 1)
        let labels = CellContent(string(trimmed(Array(value.utf8)[...]))).labels
        switch key {
        case MetadataLabel.lastUpdated:
            registry.updated = Parsed(value)
        case MetadataLabel.experts:
            registry.experts.append(RichText(stringLiteral: value))
        case MetadataLabel.reference:
            if let labels {
                registry.references += labels.map { Xref.reference(label: $0, location: location) }
            } else {
                registry.notes.append(RegistryNote(title: key, text: RichText(stringLiteral: value)))
                diagnostics.append(Diagnostic(file: input.displayName, line: line, message: "the Reference item is not [label]s; kept as a note titled \"Reference\""))
            }
        case MetadataLabel.note:
            registry.notes.append(RegistryNote(text: RichText(stringLiteral: value)))
        case MetadataLabel.availableFormats:
            break
        default:
            // IANA's titled notes ("Request an Assignment"): a bare [URL] is a link.
            if let labels, labels.count == 1, labels[0].hasPrefix("http") {
                let xref = Xref(type: .uri, data: labels[0], location: location)
                registry.notes.append(RegistryNote(title: key, text: RichText([.xref(xref)])))
            } else {
                registry.notes.append(RegistryNote(title: key, text: RichText(stringLiteral: value)))
            }
        }
    }

    /// A people-table row split by content: `[id]` first, then URIs, a last-updated date at the
    /// end, and the pieces left (name and/or organization).
    struct PeopleRow {
        var id: String
        var location: SourceLocation
        var texts: [Int] = []
        var uris: [String] = []
        var updated: String?
    }

    static func peopleRow(_ row: ScrapedRow, _ notes: inout Notes) -> PeopleRow? {
        guard let first = row.pieces.first, let id = CellContent(row.text(0, 1)).labels?.first else {
            notes.add("people-table row without an [id] first; skipped")
            return nil
        }
        var split = PeopleRow(id: id, location: first.location)
        for index in row.pieces.indices.dropFirst() {
            let text = row.text(index, 1)
            if isURI(text) {
                split.uris += text.split(separator: " ").map(String.init)  // a cell may hold two
            } else if CellContent(text).isDateShaped, index == row.pieces.count - 1 {
                split.updated = text
            } else {
                split.texts.append(index)
            }
        }
        return split
    }

    static func isURI(_ text: String) -> Bool {
        ["mailto:", "http://", "https://", "ftp://"].contains { text.hasPrefix($0) }
    }

    /// Reads the values of a people-table row once its id is known: free texts (name and/or
    /// organization), URIs, the last-updated date.
    static func person(id: String, texts: [TableCell], uris: [String], updated: String?,
                       at location: SourceLocation, _ notes: inout Notes) -> Person {
        var person = Person(id: id, uris: uris, updated: updated.map(Parsed.init), location: location)
        switch texts.count {
        case 0:
            break
        case 1:
            let text = texts[0].text
            switch looksLikeOrganization(text) {
            case true?: person.organization = text
            case false?: person.name = text
            case nil:
                person.organization = text
                notes.add("[\(id)]: \"\(text)\" may be a name or an organization; read as the organization")
            }
        default:
            person.name = texts[0].text
            person.organization = texts[1...].map(\.text).joined(separator: " ")
            if texts.count > 2 { notes.add("[\(id)]: \(texts.count) text cells for name and organization; the first read as the name, the rest as the organization") }
        }
        return person
    }

    /// Words that only organizations carry in IANA's people table.
    private static let organizationWords: Set<String> = [
        "inc", "inc.", "corp", "corp.", "corporation", "ltd", "ltd.", "llc", "gmbh", "ag", "sa", "co.", "company",
        "group", "systems", "technologies", "technology", "software", "networks", "labs", "laboratories",
        "university", "foundation", "consortium", "forum", "association", "institute", "project", "team",
        "limited", "bv", "ab", "oy", "plc", "srl", "international", "communications", "solutions", "services",
        "alliance", "council", "organization", "society", "committee", "chairs",
    ]

    /// true: an organization, false: a person's name, nil: cannot tell (a single word that is
    /// not an acronym: "Acronis" is a company, "Mitra" a person). Checked against the 2026-08-17
    /// people table: 96 % of the entries with only a name or only an organization come out right.
    static func looksLikeOrganization(_ text: String) -> Bool? {
        let words = text.split(separator: " ")
        if words.contains(where: { organizationWords.contains($0.lowercased().trimmingTrailingComma) }) { return true }
        if words.count == 1 {
            let isAcronym = text.utf8.allSatisfy { ($0 >= 65 && $0 <= 90) || ASCII.isDigit($0) || $0 == UInt8(ascii: "-") }
            return isAcronym ? true : nil
        }
        return false
    }
}

extension String {
    fileprivate var trimmingTrailingComma: String { hasSuffix(",") ? String(dropLast()) : self }
}
