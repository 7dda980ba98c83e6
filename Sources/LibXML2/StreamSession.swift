/// What the pointer handed to every callback of a stream points to while it runs: the
/// client's state, and what the stream needs from inside libxml2's callbacks (where messages
/// go; for XML, the parser, to say where a refused DOCTYPE is and to stop after an error).
@usableFromInline
struct StreamSession {
    @usableFromInline let client: UnsafeMutableRawPointer
    private let deliver: (ParserMessage) -> Void
    var parser = XMLStreamParser()
    /// An error has been reported.
    private(set) var reportedError = false

    init<Client: ParserClient & ~Copyable>(client: UnsafeMutablePointer<Client>) {
        self.client = UnsafeMutableRawPointer(client)
        deliver = { client.pointee.parserSaid($0) }
    }

    mutating func report(_ message: ParserMessage) {
        deliver(message)
        if message.severity == .error { reportedError = true }
    }

    /// Reports an error of the stream's own and stops the parse.
    mutating func fail(_ message: String, at location: (line: Int, column: Int)?) {
        report(ParserMessage(error: message, at: location))
        parser.stop()
    }
}

extension ParserClient where Self: ~Copyable {
    /// The client's state, from the pointer a stream's callback is handed.
    @inlinable @inline(__always)
    public static func client(in session: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<Self> {
        session.unsafelyUnwrapped.assumingMemoryBound(to: StreamSession.self).pointee.client
            .assumingMemoryBound(to: Self.self)
    }
}
