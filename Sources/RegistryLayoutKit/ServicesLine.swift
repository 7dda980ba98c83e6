import RegistryModel

/// What a services(5) file and the registry share: the shape of a line
/// (`name port/protocol [aliases…] # description`) as the C library reads it, the header the
/// writer puts above the lines, and how the registry says one name is an alias of another.
public enum ServicesLine {
    /// glibc's nss_files splits a line on white space and ends it at `#`: a name holding either
    /// cannot be written.
    public static func canHold(_ name: String) -> Bool {
        !name.utf8.contains { isSeparator($0) || $0 == UInt8(ascii: "#") }
    }

    /// White space as the C library's `isspace` sees it in the "C" locale.
    @inline(__always)
    public static func isSeparator(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Text on one line: each run of white space one blank, none at the ends (a description
    /// as a comment, a field in lookup's answer).
    public static func oneLine(_ text: String) -> String {
        text.utf8.split(whereSeparator: isSeparator).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }

    /// The header's key lines, which the reader takes back as the registry's title and date.
    public static let titleKey = "# Registry: "
    public static let updatedKey = "# Updated: "

    /// How IANA marks a legacy name kept beside its well-formed replacement (whois++ beside
    /// whoispp): a note of the legacy record, `This entry is an alias to "whoispp".`
    public static let aliasNotePrefix = "This entry is an alias to \""

    /// The note the registry gives a legacy name that is an alias of `name`.
    public static func aliasNote(to name: String) -> RichText {
        RichText(stringLiteral: aliasNotePrefix + name + "\".")
    }

    /// The name a note says its record is an alias of, if it says so.
    public static func aliasTarget(in note: RichText) -> String? {
        let text = note.plainText
        guard text.hasPrefix(aliasNotePrefix) else { return nil }
        let rest = text.dropFirst(aliasNotePrefix.count)
        guard let quote = rest.firstIndex(of: "\"") else { return nil }
        let name = rest[..<quote]
        return name.isEmpty ? nil : String(name)
    }
}
