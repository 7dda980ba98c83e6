/// `ianaconv diff --format json` as issue #18 documents it, read back with a decoder that
/// requires each key.
public struct DiffDocument: Decodable, Sendable {
    public struct Item: Decodable, Equatable, Sendable {
        public var name: String
        public var port: String
        public var `protocol`: String
        public var fields: [String: [String: String]]?

        public init(name: String, port: String, protocol: String, fields: [String: [String: String]]? = nil) {
            self.name = name
            self.port = port
            self.protocol = `protocol`
            self.fields = fields
        }
    }

    public var added: [Item]
    public var removed: [Item]
    public var changed: [Item]
    public var metadata: [String: [String: String]]
    public var notCompared: [String]

    enum CodingKeys: String, CodingKey {
        case added, removed, changed, metadata
        case notCompared = "not_compared"
    }
}
