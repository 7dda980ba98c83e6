import LibXML2

/// A stream's client for the tests: what its callbacks saw, in order, and libxml2's messages.
struct Recording<Parser>: ParserClient {
    var parser: Parser
    var events: [String] = []
    var messages: [ParserMessage] = []

    mutating func parserSaid(_ message: ParserMessage) {
        messages.append(message)
    }

    /// Runs `parse` on a recording kept where the callbacks can reach it, and returns it.
    static func of(_ idle: Parser, _ parse: (UnsafeMutablePointer<Recording>) -> Void) -> Recording {
        let recording = UnsafeMutablePointer<Recording>.allocate(capacity: 1)
        recording.initialize(to: Recording(parser: idle))
        defer { recording.deallocate() }
        parse(recording)
        return recording.move()
    }
}
