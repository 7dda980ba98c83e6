import Foundation
import Testing
import TestSupport
import XMLTreeDiff

/// The central promise over the full 2026-08-17 registry, through the release binary: any
/// layout to any other keeps what layouts.md ("Fidelity") says it must, and says what it drops.
/// Every path starts from IANA's XML and ends in XML; what must survive is what every layout on
/// the path carries (`LayoutCapabilities`, the README's table). Each distinct conversion runs
/// once (`Conversions` memoizes by path), so the whole matrix costs about 40 runs.
@Suite(.serialized, .timeLimit(.minutes(5))) struct RoundTripMatrixTests {
    static let pairs: [[String]] = LayoutCapabilities.layouts.flatMap { a in
        LayoutCapabilities.layouts.map { b in ["xml", a, b, "xml"] }
    }
    static let chains: [[String]] = [
        ["xml", "txt", "html", "csv", "xml"],
        ["xml", "csv", "txt", "html", "xml"],
        ["xml", "html", "txt", "csv", "html", "xml"],
        ["xml", "txt", "csv", "txt", "xml"],
        ["xml", "json", "html", "json", "xml"],
        ["xml", "csv", "json", "txt", "json", "xml"],
    ]

    @Test func everyOrderedPairAndChainKeepsWhatItsLayoutsCarry() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let started = Date()
        let conversions = try Conversions.shared()
        var summary: [String] = []
        for path in Self.pairs + Self.chains {
            let result = try conversions.output(of: path)
            let label = path.joined(separator: " → ")
            let problems = Fidelity.check(path: path, original: conversions.original, final: result, warnings: conversions.warnings(along: path))
            #expect(problems.isEmpty, "\(label):\n\(problems.joined(separator: "\n"))")
            let extras = [LayoutCapabilities.Feature.metadata, .people, .footnotes].filter { LayoutCapabilities.survives($0, along: path) }
            let level = Fidelity.level(of: path)
            summary.append("\(label): \(level.rawValue)\(level == .recordText && !extras.isEmpty ? " + \(extras.map { "\($0)" }.joined(separator: ", "))" : "")")
        }
        print("round-trip matrix, \(conversions.runs) conversions in \(String(format: "%.1f", Date().timeIntervalSince(started))) s:\n" + summary.joined(separator: "\n"))
    }

    /// layouts.md: any layout → itself → itself is byte-identical on the second pass.
    @Test func everyLayoutToItselfIsByteIdenticalOnTheSecondPass() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let conversions = try Conversions.shared()
        for layout in LayoutCapabilities.layouts {
            let second = try conversions.output(of: ["xml", layout, layout])
            let third = try conversions.output(of: ["xml", layout, layout, layout])
            #expect(third == second, "\(layout) → \(layout) changed \(layout)'s own output")
        }
    }

    @Test func theREADMETableIsTheTestsTable() throws {
        let readme = String(decoding: try Paths.bytes("README.md"), as: UTF8.self).components(separatedBy: "\n")
        let start = try #require(readme.firstIndex(of: "## Layouts and what each carries"))
        let table = readme[(start + 1)...].drop { $0.isEmpty }.prefix { $0.hasPrefix("|") }
        #expect(Array(table) == LayoutCapabilities.markdown, "README.md's layout table and LayoutCapabilities differ: update one from the other")
    }

    /// The checks must be able to fail: a record changed in one field is found, by name.
    @Test func theFieldComparisonNamesTheFirstDifferingRecords() throws {
        let original = try Paths.bytes("Samples/registry.xml")
        let edited = Array(String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "<number>1</number>", with: "<number>2</number>").utf8)
        let problems = Fidelity.recordDifferences(original, edited)
        #expect(problems.first?.contains("number: expected \"1\", got \"2\"") == true, "\(problems)")
        #expect(Fidelity.check(path: ["xml", "csv", "xml"], original: original, final: original, warnings: "").contains { $0.contains("people") },
                "a people table that CSV cannot carry must not come back")
    }
}

/// Runs each distinct conversion of the matrix once.
final class Conversions {
    let original: [UInt8]
    private var outputs: [[String]: (stdout: [UInt8], stderr: String)] = [:]
    private(set) var runs = 0

    init(original: [UInt8]) {
        self.original = original
    }

    /// One set for the suite (its tests run one after the other), over IANA's 2026-08-17 XML.
    nonisolated(unsafe) private static var instance: Conversions?
    static func shared() throws -> Conversions {
        if let instance { return instance }
        let made = Conversions(original: try Paths.bytes(Paths.registry2026XML))
        instance = made
        return made
    }

    /// The bytes at the end of `path` (its first layout is the original's).
    func output(of path: [String]) throws -> [UInt8] {
        try result(of: path).stdout
    }

    /// Everything the steps of `path` said on stderr.
    func warnings(along path: [String]) -> String {
        (2...path.count).compactMap { outputs[Array(path.prefix($0))]?.stderr }.joined()
    }

    private func result(of path: [String]) throws -> (stdout: [UInt8], stderr: String) {
        if path.count == 1 { return (original, "") }
        if let done = outputs[path] { return done }
        let input = try result(of: Array(path.dropLast()))
        let result = try Binary.run([path[path.count - 2], path[path.count - 1]], stdin: input.stdout)
        runs += 1
        #expect(result.status == 0, "\(path.joined(separator: " → ")): \(result.stderr.prefix(500))")
        let unexpected = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("<stdin> → \(path.last!): warning: \(path.last!.uppercased()) cannot carry") }
        #expect(unexpected.isEmpty, "\(path.joined(separator: " → ")): the reader had to guess on a page ianaconv wrote: \(unexpected.prefix(3))")
        outputs[path] = (result.stdout, result.stderr)
        return (result.stdout, result.stderr)
    }
}

/// What layouts.md's "Fidelity" asks of one path, checked on its final XML.
enum Fidelity {
    enum Level: String { case everything = "everything", page = "everything the page shows", recordText = "every record field as text" }

    static func level(of path: [String]) -> Level {
        let all = LayoutCapabilities.Feature.allCases
        if all.allSatisfy({ LayoutCapabilities.survives($0, along: path) }) { return .everything }
        let page: [LayoutCapabilities.Feature] = [.recordFields, .richText, .xrefTypes, .metadata, .people, .footnotes]
        if page.allSatisfy({ LayoutCapabilities.survives($0, along: path) }) { return .page }
        return .recordText
    }

    /// Empty when the path kept what it must; otherwise readable differences.
    static func check(path: [String], original: [UInt8], final: [UInt8], warnings: String) -> [String] {
        switch level(of: path) {
        case .everything: return XMLTree.differences(original, final, limit: 5)
        case .page: return XMLTree.differences(original, final, limit: 5, view: .htmlPage)
        case .recordText:
            var problems = recordDifferences(original, final)
            let parts: [(LayoutCapabilities.Feature, String, String)] = [
                // The title is left out: a page always shows one (IANA's, when the registry has none).
                (.metadata, "registry's metadata", #"<(updated|expert)>[^<]*<"#),
                (.people, "people table", #"<person id="[^"]*""#),
                (.footnotes, "footnote", #"<footnote anchor="[^"]*""#),
            ]
            for (feature, loss, pattern) in parts {
                let want = matches(pattern, in: original)
                let got = matches(pattern, in: final)
                if LayoutCapabilities.survives(feature, along: path) {
                    if got != want { problems.append("\(feature): \(want.count) expected, \(got.count) came back; first differing: \(zip(want, got).first { $0 != $1 }.map { "\($0) vs \($1)" } ?? "-")") }
                } else {
                    if !got.isEmpty { problems.append("\(feature): a layout on the path cannot carry it, yet \(got.count) came back") }
                    if !want.isEmpty && !warnings.contains(loss) { problems.append("\(feature): dropped without a warning containing \"\(loss)\"") }
                }
            }
            return problems
        }
    }

    /// Field-by-field differences of the first differing records (at most five).
    static func recordDifferences(_ original: [UInt8], _ final: [UInt8]) -> [String] {
        guard let want = originalFields(original) else { return ["the original does not parse"] }
        guard let got = RecordFields.all(in: final) else { return ["the result does not parse"] }
        var problems: [String] = want.count == got.count ? [] : ["\(want.count) records expected, \(got.count) came back"]
        for (index, (a, b)) in zip(want, got).enumerated() where a != b {
            let fields = fieldPairs(a).enumerated().filter { $0.element.value != fieldPairs(b)[$0.offset].value }
            problems.append("record #\(index + 1) \(a.name) \(a.number)/\(a.transportProtocol): "
                + fields.map { "\($0.element.name): expected \"\($0.element.value)\", got \"\(fieldPairs(b)[$0.offset].value)\"" }.joined(separator: "; "))
            if problems.count >= 5 { break }
        }
        return problems
    }

    /// The original's records, parsed once for the whole matrix.
    nonisolated(unsafe) private static var parsed: (bytes: [UInt8], fields: [RecordFields]?)?
    private static func originalFields(_ original: [UInt8]) -> [RecordFields]? {
        if let parsed, parsed.bytes == original { return parsed.fields }
        let fields = RecordFields.all(in: original)
        parsed = (original, fields)
        return fields
    }

    private static func fieldPairs(_ r: RecordFields) -> [(name: String, value: String)] {
        [("name", r.name), ("number", r.number), ("protocol", r.transportProtocol), ("registered", r.registered),
         ("modified", r.modified), ("assignee", r.assignees.joined(separator: " ")), ("contact", r.contacts.joined(separator: " ")),
         ("reference", r.references.joined(separator: " ")), ("service code", r.serviceCode), ("description", r.descriptionText),
         ("unauthorized", r.unauthorized), ("notes", r.notes)]
    }

    private static func matches(_ pattern: String, in bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
    }
}
