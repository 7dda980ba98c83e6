/// The state a stream's callbacks build, as the stream sees it: where to put the running
/// parser (so that callbacks can ask where they are and stop it), and where libxml2's messages go.
public protocol ParserClient: ~Copyable {
    associatedtype Parser
    /// Set by the stream for the parse, back to an idle parser after it.
    var parser: Parser { get set }
    /// A warning or error from libxml2, or one the stream says (a refused DOCTYPE, a parse that
    /// failed without a word), in document order.
    mutating func parserSaid(_ message: ParserMessage)
}
