internal import CLibXML2

/// No document with a DOCTYPE is parsed past it: registry XML has none, and a DTD could pull
/// in external entities or declare entities that expand without bound. The SAX2 stream stops
/// at the DOCTYPE (`xmlStream`); libxml2's validating reader has no such hook, so the schema
/// check looks for one in the prolog first (`declared(in:)`) and never hands it to libxml2.
enum DoctypeRefusal {
    static let message =
        "<!DOCTYPE> is not accepted: registry XML has none, and a DTD could pull in external or expanding entities"

    /// The stream's `internalSubset` callback: libxml2 calls it as soon as it has read the
    /// DOCTYPE's name, before any declaration in it.
    static let xmlStream: internalSubsetSAXFunc = { session, _, _, _ in
        guard let session else { return }
        let stream = session.assumingMemoryBound(to: StreamSession.self)
        stream.pointee.fail(message, at: stream.pointee.parser.current())
    }

    /// Whether the prolog of UTF-8 `bytes` (before the root element) holds a DOCTYPE; the
    /// XML declaration, comments, processing instructions and white space are skipped.
    static func declared(in bytes: [UInt8]) -> Bool {
        var rest = bytes[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        while true {
            rest = rest.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            if rest.starts(with: "<!DOCTYPE".utf8) { return true }
            let end: [UInt8]
            if rest.starts(with: "<?".utf8) {
                end = Array("?>".utf8)
            } else if rest.starts(with: "<!--".utf8) {
                end = Array("-->".utf8)
            } else {
                return false
            }
            guard let close = rest.firstRange(of: end) else { return false }
            rest = rest[close.upperBound...]
        }
    }
}
