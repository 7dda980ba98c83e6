import RegistryLayoutKit

/// A small input for a rule's documentation and tests: CSV rows (IANA's header is added) or
/// the XML between `<registry>` and `</registry>` (the root and a title are added). In
/// triggering examples a `↓` stands just before each place a finding must land. A rule that
/// judges what a change did (`validate --against`) shows the earlier release too, `before`.
public struct RuleExample: Sendable {
    public enum Layout: String, Sendable { case csv, xml }

    public var layout: Layout
    /// The snippet as documented, markers included.
    public var text: String
    /// The earlier release the snippet is judged against, in the same layout, if any.
    public var before: String?

    public static func csv(_ text: String, before: String? = nil) -> RuleExample {
        RuleExample(layout: .csv, text: text, before: before)
    }

    public static func xml(_ text: String) -> RuleExample { RuleExample(layout: .xml, text: text) }

    /// The earlier release as a complete input.
    public var beforeDocument: String? {
        before.map { RuleExample(layout: layout, text: $0).document }
    }

    public static let marker = "↓"
    static let csvHeader = RegistryColumn.titles.joined(separator: ",")
    static let xmlStart = "<registry xmlns=\"\(RegistryPage.namespace)\" id=\"service-names-port-numbers\">\n<title>Example</title>"

    /// The complete input, markers removed, ready for the layout's reader.
    public var document: String {
        String(decoding: markedDocument.bytes, as: UTF8.self)
    }

    /// Where the markers stood in `document`: 1-based line and byte column, in order.
    public var markers: [(line: Int, column: Int)] { markedDocument.markers }

    private var wrapped: String {
        switch layout {
        case .csv: Self.csvHeader + "\r\n" + text.split(separator: "\n", omittingEmptySubsequences: false)
            .joined(separator: "\r\n") + "\r\n"
        case .xml: Self.xmlStart + "\n" + text + "\n</registry>\n"
        }
    }

    private var markedDocument: (bytes: [UInt8], markers: [(line: Int, column: Int)]) {
        let marker = Array(Self.marker.utf8)
        let source = Array(wrapped.utf8)
        var bytes: [UInt8] = []
        var markers: [(line: Int, column: Int)] = []
        var line = 1
        var lineStart = 0
        var i = 0
        while i < source.count {
            if source[i...].starts(with: marker) {
                markers.append((line, bytes.count - lineStart + 1))
                i += marker.count
                continue
            }
            bytes.append(source[i])
            if source[i] == 0x0A {
                line += 1
                lineStart = bytes.count
            }
            i += 1
        }
        return (bytes, markers)
    }
}
