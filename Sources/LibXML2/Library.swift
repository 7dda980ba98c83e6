internal import CLibXML2

/// libxml2 itself, before any context is made. Its documentation asks that `xmlInitParser`
/// run once before the library is used from several threads: the split read of a large XML
/// file starts its parsers on several threads at once. Every parser, reader and schema context
/// this module makes is made through `make`, so none can be made before the set-up.
enum Library {
    /// Run once per process, by whichever thread comes first: a static `let` is initialised
    /// lazily and thread-safely (`swift_once`), and the others wait for it.
    private static let initialised: Void = xmlInitParser()

    static func make<Context>(_ create: () -> Context) -> Context {
        initialised
        return create()
    }
}

/// The libxml2 release whose headers ianaconv was built with, as `--version` reports it.
public let libxml2Version: String = LIBXML_DOTTED_VERSION
