import ASCIIBytes
/// Every layout ianaconv reads. Adding a layout is one reader file and one line here.
public enum Readers {
    public static let all: [any RegistryReader.Type] = [
        XMLReader.self,
        CSVReader.self,
        HTMLReader.self,
        TextReader.self,
        ScrapedMarkdownReader.self,
        ScrapedTextReader.self,
        JSONReader.self,
        JSONLinesReader.self,
        ServicesReader.self,
    ]

    /// The reader for a layout name or alias (case-insensitive).
    public static func reader(named name: String) -> (any RegistryReader.Type)? {
        let wanted = name.lowercased()
        return all.first { $0.name == wanted || $0.aliases.contains(wanted) }
    }

    /// The layout the content looks like, from its first bytes (a byte-order mark and leading
    /// blank space are skipped).
    public static func detect(_ bytes: [UInt8]) -> (any RegistryReader.Type)? {
        var head = Array(bytes.prefix(4096))
        // UTF-16 with a byte-order mark (every reader takes it): look at it as UTF-8.
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            guard let decoded = try? utf8Input(InputFile(displayName: "", bytes: Array(head.prefix(head.count & ~1)))) else { return nil }
            head = decoded.bytes
        }
        // Line ends as the line-based readers see them (CR-only and mixed files read too).
        let lines = lineFeedLineEnds(head)[...]
        return all.first { $0.recognizes(lines) }
    }

    /// The names the command line accepts, for messages.
    public static var names: [String] { all.map { $0.name } }
}

/// The start of the content with a UTF-8 byte-order mark and leading blank space skipped.
func contentStart(_ head: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var rest = head
    if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
    return rest.drop(while: ASCII.isWhiteSpace)
}
