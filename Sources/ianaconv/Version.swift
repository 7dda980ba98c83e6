import LibXML2

/// What `--version` prints: ianaconv's version, the registry built in (what `lookup` answers
/// from without --registry), then what the binary was built with, a line each.
enum Version {
    /// The release, as SARIF's tool version and the first line of `--version` give it.
    static let number = "0.1.0"

    static var text: String {
        """
        ianaconv \(number)
        \(Lookup.builtInRegistryLine)
        libxml2 \(libxml2Version)
        Swift \(swiftVersion)
        """
    }

    /// The compiler's language version, to the minor release (the package needs 6.2).
    private static var swiftVersion: String {
        #if compiler(>=6.4)
        "6.4 or later"
        #elseif compiler(>=6.3)
        "6.3"
        #else
        "6.2"
        #endif
    }
}
