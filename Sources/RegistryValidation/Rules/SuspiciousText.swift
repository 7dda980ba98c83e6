import ASCIIBytes
import RegistryModel

/// Text that is probably damaged: blanks around key fields, control characters, mojibake.
enum SuspiciousText: ModelRule {
    static let description = RuleDescription(
        id: "suspicious-text", name: "Suspicious text", severity: .warning,
        summary: "Leading or trailing blanks in a key field, control characters, or likely mojibake.",
        rationale: """
            Blanks around a name, port, protocol, service code or date make exact lookups \
            fail; control characters do not belong in a text registry; and sequences such as \
            √´ or Ã© are UTF-8 read as Mac Roman or Latin-1 (IANA's own data has Ari√´n for \
            Ariën). The validator flags them; converters carry them unchanged.
            """,
        triggering: [
            .csv("↓\"example \",40001,tcp,Example,[Ann],[Ann],2020-01-02,,,,,"),
            .csv("xadmin,40001,tcp,↓Ari√´n's admin tool,[Ann],[Ann],2020-01-02,,,,,"),
            .xml("""
                <record date="2020-01-02">
                  <name>example</name><protocol>tcp</protocol><number>40001</number>
                  <description>Example</description>
                  <xref type="person" data="Ann"/>
                </record>
                <people>
                  ↓<person id="Ann"><name>G√∂ran Example</name></person>
                </people>
                """),
        ],
        nonTriggering: [
            .csv("example,40001,tcp,Göran's example — ünïcode is fine,[Ann],[Ann],2020-01-02,,,,,"),
            .xml("""
                <record>
                  <name>example</name><protocol>tcp</protocol><number>40001</number>
                  <description>Example</description>
                  <note>  Indented note
                    text keeps its blanks</note>
                </record>
                """),
        ])

    static func check(_ input: ValidationInput, into findings: inout Findings) {
        for record in input.registry.records {
            // A value that parsed has its one canonical spelling: only raw text can be damaged.
            check(record.name?.text, "service name", record, .name, &findings)
            check(record.number?.invalidText, "port", record, .number, &findings)
            check(record.transportProtocol?.invalidText, "protocol", record, .transportProtocol, &findings)
            check(record.serviceCode?.invalidText, "service code", record, .serviceCode, &findings)
            check(record.registrationDate?.invalidText, "registration date", record, .registrationDate, &findings)
            check(record.modificationDate?.invalidText, "modification date", record, .modificationDate, &findings)
            check(record.description, "description", record, .description, &findings)
            check(record.unauthorizedUse, "unauthorized use", record, .unauthorizedUse, &findings)
            for note in record.notes { check(note, "notes", record, .notes, &findings) }
            for reference in record.xrefs where reference.type != .person && needsALook(reference.label) {
                guard let problem = problem(in: reference.label) else { continue }
                findings.report(
                    "the reference [\(reference.label)] \(problem)",
                    at: reference.location ?? record.locations.best(.reference), about: Subject(record))
            }
        }
        for person in input.registry.people ?? [] {
            for text in [person.name, person.organization] {
                guard let text, needsALook(text), let problem = problem(in: text) else { continue }
                findings.report(
                    "the people table entry \(problem)", at: person.location, about: Subject(person: person.id))
            }
        }
    }

    /// A key field: blanks at its edges, control characters, mojibake.
    private static func check(
        _ text: String?, _ what: String, _ record: Record, _ field: RecordField, _ findings: inout Findings
    ) {
        guard let text else { return }
        if hasEdgeBlank(text) {
            findings.report("the \(what) '\(text)' has blanks at its start or end", on: record, field: field)
        }
        if needsALook(text), let problem = problem(in: text) {
            findings.report("the \(what) \(problem)", on: record, field: field)
        }
    }

    /// Rich text: flattened only when some byte could be a problem (rare), so clean records
    /// cost one scan of their bytes.
    private static func check(
        _ text: RichText?, _ what: String, _ record: Record, _ field: RecordField, _ findings: inout Findings
    ) {
        guard let text, text.content.contains(where: { inline in
            if case .text(let chunk) = inline { return needsALook(chunk) }
            return true  // markup: look at the flattened text
        }) else { return }
        let plain = text.plainText
        if needsALook(plain), let problem = problem(in: plain) {
            findings.report("the \(what) \(problem)", on: record, field: field)
        }
    }

    /// True when the text has a byte that could be a control character or mojibake. Every
    /// text of every record passes here: scanned as a buffer, not through String's iterator.
    private static func needsALook(_ text: String) -> Bool {
        func suspicious(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte >= 0x7F }
        return text.utf8.withContiguousStorageIfAvailable { $0.contains(where: suspicious) } ?? text.utf8.contains(where: suspicious)
    }

    private static func hasEdgeBlank(_ text: String) -> Bool {
        text.utf8.first.map(ASCII.isWhiteSpace) == true || text.utf8.last.map(ASCII.isWhiteSpace) == true
    }

    /// A control character or mojibake, described; nil for clean text.
    private static func problem(in text: String) -> String? {
        if let control = text.utf8.first(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }) {
            return "holds the control character U+\(hex(control))"
        }
        guard text.utf8.contains(where: { $0 >= 0x80 }), let word = mojibakeWord(in: text) else { return nil }
        return "has '\(word)', which looks like mojibake (UTF-8 read as Mac Roman or Latin-1)"
    }

    /// The word holding a typical mojibake pair: `√` then a non-ASCII character (Mac Roman),
    /// `Ã`/`Â` then U+0080-U+00BF, or `â€` (Latin-1 and Windows-1252).
    private static func mojibakeWord(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        for i in scalars.indices.dropLast() {
            let first = scalars[i].value
            let second = scalars[i + 1].value
            let suspicious = (first == 0x221A && second >= 0x80)
                || ((first == 0xC3 || first == 0xC2) && (0x80...0xBF).contains(second))
                || (first == 0xE2 && second == 0x20AC)
            guard suspicious else { continue }
            var start = i
            while start > 0, !isSpace(scalars[start - 1]) { start -= 1 }
            var end = i + 1
            while end + 1 < scalars.count, !isSpace(scalars[end + 1]) { end += 1 }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start...end])
            return String(word)
        }
        return nil
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && ASCII.isWhiteSpace(UInt8(scalar.value))
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "00" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }
}

extension Parsed {
    /// The text as read when it did not parse; nil for a valid value.
    var invalidText: String? {
        if case .invalid(let raw) = self { return raw }
        return nil
    }
}
