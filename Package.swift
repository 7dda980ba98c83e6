// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "ianaconv",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ianaconv", targets: ["ianaconv"]),
        .library(name: "RegistryModel", targets: ["RegistryModel"]),
        .library(name: "RegistryReaders", targets: ["RegistryReaders"]),
        .library(name: "RegistryWriters", targets: ["RegistryWriters"]),
        .library(name: "RegistryValidation", targets: ["RegistryValidation"]),
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
        .target(name: "RegistryModel"),
        .target(name: "RegistryReaders", dependencies: ["RegistryModel", "CLibXML2"]),
        .target(name: "RegistryWriters", dependencies: ["RegistryModel"]),
        .target(name: "RegistryValidation", dependencies: ["RegistryModel", "CLibXML2"]),
        .executableTarget(
            name: "ianaconv",
            dependencies: [
                "RegistryModel", "RegistryReaders", "RegistryWriters", "RegistryValidation",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test helpers: paths and the binary (Foundation), and an independent XML comparison on
        // libxml2's tree API (kept apart: libxml2's ICU headers clash with Foundation's).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .target(name: "XMLTreeDiff", dependencies: ["CLibXML2"], path: "Tests/XMLTreeDiff"),
        .testTarget(name: "RegistryModelTests", dependencies: ["RegistryModel"]),
        .testTarget(
            name: "RegistryLayoutTests",
            dependencies: ["RegistryModel", "RegistryReaders", "RegistryWriters", "TestSupport"]
        ),
        .testTarget(
            name: "RegistryValidationTests",
            dependencies: ["RegistryModel", "RegistryReaders", "RegistryValidation", "TestSupport"]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["TestSupport", "XMLTreeDiff"]),
    ],
    swiftLanguageModes: [.v6]
)
