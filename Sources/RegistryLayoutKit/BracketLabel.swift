import ASCIIBytes
import RegistryModel

/// IANA's flat layouts (CSV, and the text of the HTML and plain-text pages) show an xref as
/// `[LABEL]`. This is the inverse: the xref a label most plausibly stands for.
extension Xref {
    /// The xref behind `[label]` in a people column (Assignee, Contact): always a person.
    public static func person(label: String, location: SourceLocation? = nil) -> Xref {
        Xref(type: .person, data: label, location: location)
    }

    /// The xref behind `[label]` in a Reference column or in text: `RFC6335` → rfc,
    /// `RFC8765, Section 6.1` → rfc with that label, `RFC-ietf-…`/`draft-…` → draft,
    /// digits → footnote, anything else → text.
    public static func reference(label: String, location: SourceLocation? = nil) -> Xref {
        let bytes = Array(label.utf8)
        if let rfcDigits = rfcNumberLength(bytes) {
            let data = "rfc" + String(decoding: bytes[3..<(3 + rfcDigits)], as: UTF8.self)
            let isBare = rfcDigits + 3 == bytes.count
            return Xref(type: .rfc, data: data, text: isBare ? nil : label, location: location)
        }
        if label.hasPrefix("RFC-") || label.hasPrefix("draft-") {
            let name = String(label.prefix { $0 != "," && $0 != " " })
            return Xref(type: .draft, data: name, text: name == label ? nil : label, location: location)
        }
        if ASCII.isDigits(bytes) {
            return Xref(type: .note, data: label, location: location)
        }
        return Xref(type: .text, text: label, location: location)
    }

    /// True when the label alone gives this xref back (type, target, text and all). Inlinable:
    /// writers ask it of every xref, and a call across modules copies the xref first.
    @inlinable
    public var survivesAsLabel: Bool {
        if type == .person {  // the common case, decided without building an xref
            return data != nil && !data!.isEmpty && text == nil && attributes.isEmpty
        }
        return self == Xref.reference(label: label)
    }

    /// `RFC` then digits at the start: the number of digits, else nil.
    private static func rfcNumberLength(_ bytes: [UInt8]) -> Int? {
        guard bytes.starts(with: Array("RFC".utf8)) else { return nil }
        let digits = bytes.dropFirst(3).prefix(while: ASCII.isDigit)
        guard !digits.isEmpty else { return nil }
        let next = bytes.dropFirst(3 + digits.count).first
        return next == nil || next == UInt8(ascii: ",") || next == UInt8(ascii: " ") ? digits.count : nil
    }
}
