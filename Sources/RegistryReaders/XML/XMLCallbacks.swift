internal import LibXML2
import RegistryModel

/// libxml2's SAX2 callbacks: C functions that reach the builder through the stream's session.
private func builder(_ session: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLRegistryBuilder> {
    XMLRegistryBuilder.client(in: session)
}

let xmlCallbacks = XMLStream.Callbacks(
    startElement: { session, localName, _, uri, _, _, attributeCount, _, attributes in
        builder(session).pointee.startElement(localName!, namespace: uri, attributes: XMLAttributes(attributes, count: attributeCount))
    },
    endElement: { session, _, _, _ in
        builder(session).pointee.endElement()
    },
    characters: { session, bytes, count in
        guard let bytes, count > 0 else { return }
        builder(session).pointee.characters(UnsafeBufferPointer(start: bytes, count: Int(count)))
    },
    comment: { session, text in
        builder(session).pointee.comment(text)
    },
    processingInstruction: { session, target, data in
        builder(session).pointee.processingInstruction(target, data: data)
    }
)

/// The element names of the registry XML.
enum ElementName: String {
    case registry, title, category, updated, xref, expert, note, record, footnote, people
    case name, `protocol`, number, sc, description, unauthorized, assignee, person, org, uri
    case br, paragraph

    /// Matches the NUL-terminated name without making a String for it.
    init?(_ name: UnsafePointer<UInt8>) {
        let candidates: [ElementName]
        switch name[0] {
        case UInt8(ascii: "r"): candidates = [.record, .registry]
        case UInt8(ascii: "t"): candidates = [.title]
        case UInt8(ascii: "c"): candidates = [.category]
        case UInt8(ascii: "u"): candidates = [.updated, .unauthorized, .uri]
        case UInt8(ascii: "x"): candidates = [.xref]
        case UInt8(ascii: "e"): candidates = [.expert]
        case UInt8(ascii: "n"): candidates = [.name, .number, .note]
        case UInt8(ascii: "f"): candidates = [.footnote]
        case UInt8(ascii: "p"): candidates = [.protocol, .person, .people, .paragraph]
        case UInt8(ascii: "s"): candidates = [.sc]
        case UInt8(ascii: "d"): candidates = [.description]
        case UInt8(ascii: "a"): candidates = [.assignee]
        case UInt8(ascii: "o"): candidates = [.org]
        case UInt8(ascii: "b"): candidates = [.br]
        default: return nil
        }
        for candidate in candidates where candidate.matches(name) {
            self = candidate
            return
        }
        return nil
    }

    private func matches(_ name: UnsafePointer<UInt8>) -> Bool {
        var i = 0
        for byte in rawValue.utf8 {
            guard name[i] == byte else { return false }
            i += 1
        }
        return name[i] == 0
    }
}
