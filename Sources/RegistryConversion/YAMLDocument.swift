internal import CLibYAML

/// A YAML document as libyaml loads it (YAML 1.1; anchors and aliases resolved), each node
/// with its 1-based line. libyaml rather than a Swift package over it: those import Foundation,
/// whose conformances every start-up of the command line then scans (validating the 16 KB
/// sample took 28% more instructions with Yams linked in, with no configuration file at all).
indirect enum YAMLNode {
    case scalar(String, line: Int)
    case sequence([YAMLNode], line: Int)
    case mapping([(key: YAMLNode, value: YAMLNode)], line: Int)

    var line: Int {
        switch self {
        case .scalar(_, let line), .sequence(_, let line), .mapping(_, let line): line
        }
    }

    /// The root of the first document in `text`; nil for an empty one.
    static func load(_ text: String) throws(YAMLError) -> YAMLNode? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw YAMLError(line: nil, problem: "out of memory") }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(text.utf8)
        var document = yaml_document_t()
        let loaded = bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return yaml_parser_load(&parser, &document)
        }
        guard loaded == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "cannot be read"
            throw YAMLError(line: Int(parser.problem_mark.line) + 1, problem: problem)
        }
        defer { yaml_document_delete(&document) }
        guard let root = yaml_document_get_root_node(&document) else { return nil }
        return node(root.pointee, in: &document)
    }

    private static func node(_ node: yaml_node_t, in document: inout yaml_document_t) -> YAMLNode {
        let line = Int(node.start_mark.line) + 1
        func child(_ index: Int32) -> YAMLNode {
            Self.node(yaml_document_get_node(&document, index).pointee, in: &document)
        }
        switch node.type {
        case YAML_SEQUENCE_NODE:
            let items = node.data.sequence.items
            return .sequence(UnsafeBufferPointer(start: items.start, count: items.top - items.start).map(child), line: line)
        case YAML_MAPPING_NODE:
            let pairs = node.data.mapping.pairs
            let entries = UnsafeBufferPointer(start: pairs.start, count: pairs.top - pairs.start)
            return .mapping(entries.map { (key: child($0.key), value: child($0.value)) }, line: line)
        default:
            let scalar = UnsafeBufferPointer(start: node.data.scalar.value, count: node.data.scalar.length)
            return .scalar(String(decoding: scalar, as: UTF8.self), line: line)
        }
    }
}

/// What libyaml could not read, and at which line.
struct YAMLError: Error {
    var line: Int?
    var problem: String
}
