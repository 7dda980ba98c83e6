import ArgumentParser

/// The values of an option that is an enumeration of strings (`--format`, `--min-severity`),
/// as written (each case's raw value is its name). ArgumentParser's default passes each case
/// through `String(describing:)`, whose dynamic casts scan the binary's conformances: this
/// takes validating the 16 KB sample from 24.54 to 24.29 M instructions.
extension ExpressibleByArgument where Self: CaseIterable & RawRepresentable, RawValue == String {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
