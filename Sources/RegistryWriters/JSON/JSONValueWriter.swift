import RegistryLayoutKit
import RegistryModel

/// Writes the registry's values as JSON into a byte buffer, in the shape `Schemas/
/// service-names-port-numbers.schema.json` defines (the layout's reference; README "JSON"):
///
/// - a record is one object on one line, its keys IANA's element names (`name`, `protocol`,
///   `number`, `description`, `assignee`, `xrefs`, `sc`, `unauthorized`, `notes`) and
///   attributes (`date`, `updated`), absent elements left out, empty ones (`<name/>`) kept as
///   `""` or `[]`; `order` lists the elements only when they do not stand in the usual order;
/// - a port (and a service code) that is a valid number is a JSON integer, anything else
///   (a range `"4200-4299"`, text that is not a port) a string, as read;
/// - rich text is a string when it is plain character data, otherwise an array of parts:
///   strings, `{"br": true}`, xrefs, `{"paragraph": rich text}`;
/// - an xref is `{"type", "data", "text", "attributes": [{"name", "value"}]}`, the last three
///   only when present.
///
/// Strings are escaped on their bytes: nothing but `"`, `\` and control characters is escaped,
/// so UTF-8 passes through unchanged.
struct JSONValueWriter: ~Copyable {
    var out = ByteBuffer(capacity: 4096)

    /// One record as one line's object (no line end).
    mutating func record(_ record: Record) {
        var separator = Separator()
        out.append(UInt8(ascii: "{"))
        if let name = record.name { key("name", &separator); string(name.text) }
        if let transportProtocol = record.transportProtocol { key("protocol", &separator); string(transportProtocol.text) }
        if let number = record.number {
            key("number", &separator)
            if let port = number.value, port.isSinglePort { integer(UInt32(port.lower)) } else { string(number.text) }
        }
        if let description = record.description { key("description", &separator); rich(description) }
        if let assignees = record.assignees { key("assignee", &separator); xrefs(assignees) }
        if !record.xrefs.isEmpty { key("xrefs", &separator); xrefs(record.xrefs) }
        if let serviceCode = record.serviceCode {
            key("sc", &separator)
            if let code = serviceCode.value { integer(code.value) } else { string(serviceCode.text) }
        }
        if let unauthorized = record.unauthorizedUse { key("unauthorized", &separator); rich(unauthorized) }
        if !record.notes.isEmpty {
            key("notes", &separator)
            list(record.notes) { encoder, note in encoder.rich(note) }
        }
        if let date = record.registrationDate { key("date", &separator); string(date.text) }
        if let updated = record.modificationDate { key("updated", &separator); string(updated.text) }
        if !record.isInUsualOrder {
            key("order", &separator)
            list(record.elementOrder) { encoder, element in encoder.string(element.elementName) }
        }
        out.append(UInt8(ascii: "}"))
    }

    mutating func person(_ person: Person) {
        var separator = Separator()
        out.append(UInt8(ascii: "{"))
        key("id", &separator); string(person.id)
        if let name = person.name { key("name", &separator); string(name) }
        if let organization = person.organization { key("org", &separator); string(organization) }
        if !person.uris.isEmpty {
            key("uris", &separator)
            list(person.uris) { encoder, uri in encoder.string(uri) }
        }
        if let updated = person.updated { key("updated", &separator); string(updated.text) }
        out.append(UInt8(ascii: "}"))
    }

    mutating func footnote(_ footnote: Footnote) {
        var separator = Separator()
        out.append(UInt8(ascii: "{"))
        key("anchor", &separator); string(footnote.anchor)
        key("text", &separator); rich(footnote.text)
        out.append(UInt8(ascii: "}"))
    }

    mutating func note(_ note: RegistryNote) {
        var separator = Separator()
        out.append(UInt8(ascii: "{"))
        if let title = note.title { key("title", &separator); string(title) }
        key("text", &separator); rich(note.text)
        out.append(UInt8(ascii: "}"))
    }

    /// Plain character data as a string; anything with markup as an array of parts.
    mutating func rich(_ text: RichText) {
        switch text.content.count {
        case 0: return string("")
        case 1: if case .text(let characters) = text.content[0] { return string(characters) }
        default: break
        }
        list(text.content) { encoder, inline in
            switch inline {
            case .text(let characters): encoder.string(characters)
            case .lineBreak: encoder.out.append("{\"br\": true}")
            case .xref(let xref): encoder.xref(xref)
            case .paragraph(let inner):
                encoder.out.append("{\"paragraph\": ")
                encoder.rich(inner)
                encoder.out.append(UInt8(ascii: "}"))
            }
        }
    }

    mutating func xrefs(_ xrefs: [Xref]) {
        list(xrefs) { encoder, xref in encoder.xref(xref) }
    }

    mutating func xref(_ xref: Xref) {
        var separator = Separator()
        out.append(UInt8(ascii: "{"))
        key("type", &separator)
        switch xref.type {  // IANA's own types without making their String
        case .person: out.append("\"person\"")
        case .rfc: out.append("\"rfc\"")
        default: string(xref.type.text)
        }
        if let data = xref.data { key("data", &separator); string(data) }
        if let text = xref.text { key("text", &separator); string(text) }
        if !xref.attributes.isEmpty {
            key("attributes", &separator)
            list(xref.attributes) { encoder, attribute in
                encoder.out.append("{\"name\": ")
                encoder.string(attribute.name)
                encoder.out.append(", \"value\": ")
                encoder.string(attribute.value)
                encoder.out.append(UInt8(ascii: "}"))
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// `[a, b, …]` on one line.
    mutating func list<Element>(_ elements: [Element], _ element: (inout JSONValueWriter, Element) -> Void) {
        out.append(UInt8(ascii: "["))
        for (index, value) in elements.enumerated() {
            if index > 0 { out.append(", ") }
            element(&self, value)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// `, "key": ` (no comma before an object's first key).
    @inline(__always)
    mutating func key(_ name: StaticString, _ separator: inout Separator) {
        if separator.needed { out.append(UInt8(ascii: ",")); out.append(UInt8(ascii: " ")) }
        separator.needed = true
        out.append(UInt8(ascii: "\""))
        out.append(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        out.append(UInt8(ascii: " "))
    }

    /// Decimal digits, for ports and service codes.
    mutating func integer(_ value: UInt32) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var value = value
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            out.append(UnsafeBufferPointer(rebasing: buffer.bindMemory(to: UInt8.self)[start...]))
        }
    }

    /// A JSON string: the bytes as they are but `"`, `\` and control characters, escaped.
    mutating func string(_ text: String) {
        var text = text
        out.append(UInt8(ascii: "\""))
        text.withUTF8 { bytes in
            guard bytes.contains(where: Self.needsEscape) else { return out.append(bytes) }
            for byte in bytes {
                guard Self.needsEscape(byte) else {
                    out.append(byte)
                    continue
                }
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    out.append("u00")
                    out.append(Self.hexDigits[Int(byte >> 4)])
                    out.append(Self.hexDigits[Int(byte & 0xF)])
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Whether an object's next key needs a comma before it.
    struct Separator {
        var needed = false
    }
}
