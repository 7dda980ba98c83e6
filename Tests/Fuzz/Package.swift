// swift-tools-version:6.0
// libFuzzer targets, one per reader, built apart from the main package (they need
// -sanitize=fuzzer and have no main of their own): `make fuzz` builds and runs them.
import PackageDescription

let readers = ["XML", "CSV", "HTML", "TXT", "MD", "Collapsed", "JSON", "JSONL", "Services"]  // scraped layouts by their aliases (md, collapsed)

let package = Package(
    name: "ianaconv-fuzz",
    dependencies: [.package(name: "ianaconv", path: "../..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "RegistryReaders", package: "ianaconv"),
                .product(name: "RegistryWriters", package: "ianaconv"),
            ]
        ),
    ] + readers.map { reader in
        .executableTarget(
            name: "Fuzz\(reader)", dependencies: ["FuzzSupport"],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    },
    swiftLanguageModes: [.v6]
)
