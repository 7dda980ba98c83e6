// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "ianaconv",
    // Linux only, and tested on Debian 12 with Swift 6.3: the code calls Glibc and Linux-only
    // system calls (madvise's MADV_POPULATE_WRITE, xattrs, posix_spawn with its file actions),
    // so no Apple platform is claimed.
    products: [
        .executable(name: "ianaconv", targets: ["ianaconv"]),
        .library(name: "RegistryModel", targets: ["RegistryModel"]),
        .library(name: "RegistryLayoutKit", targets: ["RegistryLayoutKit"]),
        .library(name: "RegistryReaders", targets: ["RegistryReaders"]),
        .library(name: "RegistryWriters", targets: ["RegistryWriters"]),
        .library(name: "RegistryValidation", targets: ["RegistryValidation"]),
        .library(name: "RegistryConversion", targets: ["RegistryConversion"]),
        .library(name: "RegistryDiff", targets: ["RegistryDiff"]),
        .library(name: "RegistryLookup", targets: ["RegistryLookup"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // libxml2 through pkg-config; `make` installs libxml2-dev when it is missing.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // The one target that imports CLibXML2: libxml2's set-up, safe options, DOCTYPE refusal,
        // located messages and the SAX2/HTML streams and RELAX NG checks, in Swift types.
        .target(name: "LibXML2", dependencies: ["CLibXML2"]),
        // Byte predicates every layer asks (white space, digits, canonical decimal): below the model,
        // which parses ports and dates with them.
        .target(name: "ASCIIBytes"),
        .target(name: "RegistryModel", dependencies: ["ASCIIBytes"]),
        // What a layout's reader and writer both need: the flat table's columns, the page
        // vocabulary, xrefs as links and labels, the byte buffer.
        .target(name: "RegistryLayoutKit", dependencies: ["ASCIIBytes", "RegistryModel"]),
        .target(name: "RegistryReaders", dependencies: ["ASCIIBytes", "RegistryModel", "RegistryLayoutKit", "LibXML2"]),
        .target(name: "RegistryWriters", dependencies: ["ASCIIBytes", "RegistryModel", "RegistryLayoutKit"]),
        // <sys/xattr.h>, which Glibc's module leaves out: rewriting a file keeps its
        // extended attributes and ACLs.
        .systemLibrary(name: "CExtendedAttributes"),
        // libyaml through pkg-config, for the .ianaconv.yml configuration; `make` installs
        // libyaml-dev when it is missing.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Source rules know a layout by its reader; --against judges what a diff says changed.
        .target(
            name: "RegistryValidation",
            dependencies: ["ASCIIBytes", "RegistryModel", "RegistryLayoutKit", "RegistryReaders", "RegistryDiff", "LibXML2"]
        ),
        // Record-level changes between two registries, read from any layouts.
        .target(name: "RegistryDiff", dependencies: ["ASCIIBytes", "RegistryModel", "RegistryLayoutKit"]),
        // The engine: reading inputs, converting, validating and formatting files; the command
        // line only parses arguments and prints. libyaml reads the .ianaconv.yml configuration.
        .target(
            name: "RegistryConversion",
            dependencies: [
                "RegistryModel", "RegistryReaders", "RegistryWriters", "RegistryValidation", "RegistryDiff",
                "CExtendedAttributes",
                "CLibYAML",
            ]
        ),
        // The newest registry the project carries, as a string literal (Scripts/embed-registry.sh).
        .target(name: "BuiltInRegistry"),
        // `ianaconv lookup`: queries, answers from any registry or the built-in one, reports.
        .target(name: "RegistryLookup", dependencies: ["ASCIIBytes", "RegistryModel", "RegistryLayoutKit", "RegistryReaders", "BuiltInRegistry"]),
        .executableTarget(
            name: "ianaconv",
            dependencies: [
                "RegistryModel", "RegistryReaders", "RegistryWriters", "RegistryValidation", "RegistryConversion", "RegistryDiff",
                "RegistryLookup",
                "LibXML2",  // its version, for --version
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test helpers: paths and the binary (Foundation), and an independent XML comparison on
        // libxml2's tree API (kept apart: libxml2's ICU headers clash with Foundation's). It
        // imports CLibXML2 itself, not LibXML2: a check that shared the readers' layer over
        // libxml2 would not be independent of them.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(name: "XMLTreeDiff", dependencies: ["CLibXML2"], path: "Tests/XMLTreeDiff"),
        .testTarget(name: "LibXML2Tests", dependencies: ["LibXML2"]),
        .testTarget(name: "RegistryModelTests", dependencies: ["RegistryModel"]),
        .testTarget(name: "RegistryLayoutKitTests", dependencies: ["ASCIIBytes", "RegistryModel", "RegistryLayoutKit"]),
        .testTarget(
            name: "RegistryLayoutTests",
            dependencies: ["RegistryModel", "RegistryLayoutKit", "RegistryReaders", "RegistryWriters", "TestSupport"]
        ),
        .testTarget(
            name: "RegistryValidationTests",
            dependencies: ["RegistryModel", "RegistryReaders", "RegistryValidation", "TestSupport"]
        ),
        .testTarget(
            name: "RegistryConversionTests",
            dependencies: [
                "RegistryModel", "RegistryReaders", "RegistryWriters", "RegistryValidation", "RegistryConversion",
                "TestSupport",
            ]
        ),
        .testTarget(
            name: "RegistryDiffTests",
            dependencies: ["RegistryModel", "RegistryReaders", "RegistryDiff", "TestSupport"]
        ),
        .testTarget(
            name: "RegistryLookupTests",
            dependencies: ["RegistryModel", "RegistryReaders", "RegistryWriters", "RegistryLookup", "BuiltInRegistry", "TestSupport"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "XMLTreeDiff"]),
    ],
    swiftLanguageModes: [.v6]
)
