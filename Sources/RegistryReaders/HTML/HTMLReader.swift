internal import LibXML2
import ASCIIBytes
import RegistryModel

/// Reads IANA's registry page (the whole page, or one page of several as iana.org serves it)
/// with libxml2's HTML parser through SAX callbacks: no DOM, and pages that are not well-formed
/// XML read as a browser would read them.
///
/// Safety (`HTMLStream`'s): the HTML parser loads no DTD and expands no external entities,
/// and the network is forbidden outright. The page must be UTF-8 (checked first, whatever its `<meta>`
/// says; UTF-16 with a byte-order mark is transcoded), so no byte is silently re-decoded.
public enum HTMLReader: RegistryReader {
    public static let name = "html"
    public static let aliases = ["xhtml"]

    /// The head names the page HTML: `<html` or `<!DOCTYPE html`, in any case. Searched in
    /// the bytes (every input is sniffed, so no String of the head is made), and for XHTML
    /// too, which starts with `<?xml` as registry XML does.
    public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
        contains(head, ignoringASCIICase: "<html") || contains(head, ignoringASCIICase: "<!doctype html")
    }

    /// `lowercaseNeedle` (ASCII, lower case) occurs in `bytes` in any ASCII case.
    private static func contains(_ bytes: ArraySlice<UInt8>, ignoringASCIICase lowercaseNeedle: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: lowercaseNeedle.utf8Start, count: lowercaseNeedle.utf8CodeUnitCount)
        guard let first = needle.first, bytes.count >= needle.count else { return false }
        var start = bytes.startIndex
        while let found = bytes[start...].firstIndex(where: { ASCII.lowercased($0) == first }) {
            guard bytes.endIndex - found >= needle.count else { return false }
            if zip(bytes[found...], needle).allSatisfy({ ASCII.lowercased($0) == $1 }) { return true }
            start = found + 1
        }
        return false
    }

    public static func read(_ original: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Registry {
        // A page saved as UTF-16 (with its byte-order mark) is transcoded; otherwise it must be
        // UTF-8. Line ends become LF, as a browser's input stream makes them.
        // (A NUL, which libxml2's HTML parser takes for the end of the input, is refused there.)
        let input = try lineTextInput(original)
        guard !contentStart(input.bytes[...]).isEmpty else {
            throw ReadError(file: input.displayName, line: 1, column: 1, message: "empty input: no HTML page to read")
        }
        return try input.bytes.withUnsafeBufferPointer { bytes throws(ReadError) in
            let builder = UnsafeMutablePointer<HTMLPageBuilder>.allocate(capacity: 1)
            builder.initialize(to: HTMLPageBuilder(input: input, bytes: bytes))
            defer {
                builder.deinitialize(count: 1)
                builder.deallocate()
            }
            if let refusal = HTMLStream.parse(input.bytes, client: builder, callbacks: htmlCallbacks) {
                throw ReadError(file: input.displayName, line: refusal.line, column: refusal.column, message: refusal.text)
            }
            diagnostics += builder.pointee.diagnostics
            return try builder.pointee.finish()
        }
    }
}

/// The elements the reader looks at; every other element is transparent.
enum HTMLTag {
    case table, tr, td, th, dl, dt, dd, h1, a, br, p, pre, div, span, other
    /// An element whose content a browser shows as raw text or not at all (`textarea`,
    /// `template`, `xmp`, `iframe`, `noembed`, `noframes`): libxml2's HTML 4 parser reads tags
    /// in them, but no table or cell in them is the page's. (It reads `script` and `style` as
    /// raw text itself.)
    case inert

    init(_ name: UnsafePointer<UInt8>) {
        func equals(_ literal: StaticString) -> Bool { nulTerminated(name, equals: literal) }
        switch name[0] {
        case UInt8(ascii: "t"):
            self = equals("td") ? .td : equals("tr") ? .tr : equals("th") ? .th : equals("table") ? .table
                : equals("textarea") || equals("template") ? .inert : .other
        case UInt8(ascii: "x"): self = equals("xmp") ? .inert : .other
        case UInt8(ascii: "i"): self = equals("iframe") ? .inert : .other
        case UInt8(ascii: "n"): self = equals("noembed") || equals("noframes") ? .inert : .other
        case UInt8(ascii: "d"):
            self = equals("dd") ? .dd : equals("dt") ? .dt : equals("dl") ? .dl : equals("div") ? .div : .other
        case UInt8(ascii: "a"): self = equals("a") ? .a : .other
        case UInt8(ascii: "b"): self = equals("br") ? .br : .other
        case UInt8(ascii: "p"): self = equals("p") ? .p : equals("pre") ? .pre : .other
        case UInt8(ascii: "h"): self = equals("h1") ? .h1 : .other
        case UInt8(ascii: "s"): self = equals("span") ? .span : .other
        default: self = .other
        }
    }
}

/// The few attributes the reader uses, read from libxml2's NULL-terminated name/value list.
struct HTMLAttributes {
    var id: String?
    var name: String?
    var href: String?
    var `class`: String?

    init(_ list: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        guard let list else { return }
        var i = 0
        while let attribute = list[i] {
            defer { i += 2 }
            guard let raw = list[i + 1] else { continue }
            switch String(cString: attribute) {
            case "id": id = String(cString: raw)
            case "name": name = String(cString: raw)
            case "href": href = String(cString: raw)
            case "class": `class` = String(cString: raw)
            default: break
            }
        }
    }

    init() {}

    func hasClass(_ wanted: String) -> Bool {
        guard let `class` else { return false }
        return `class`.split(separator: " ").contains { $0 == wanted }
    }
}

// MARK: - C callbacks

private func builder(_ session: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<HTMLPageBuilder> {
    HTMLPageBuilder.client(in: session)
}

private let htmlCallbacks = HTMLStream.Callbacks(
    startElement: { session, name, attributes in
        guard let name else { return }
        let page = builder(session)
        page.pointee.startElement(page.pointee.tag(name), attributes: attributes)
    },
    endElement: { session, name in
        guard let name else { return }
        let page = builder(session)
        page.pointee.endElement(page.pointee.tag(name))
    },
    characters: { session, bytes, count in
        guard let bytes, count > 0 else { return }
        builder(session).pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
    }
)
