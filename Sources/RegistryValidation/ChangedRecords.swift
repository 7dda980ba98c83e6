import RegistryDiff
import RegistryModel

/// The records a change added or changed, when a registry is judged against an earlier
/// release: only findings on them fail the run. A finding names its record by its subject
/// (name, port, protocol); one that names no record (the schema's) is placed by its line among
/// the lines of the changed records.
public struct ChangedRecords: Sendable {
    private let subjects: Set<Subject>
    /// The lines each changed record spans in its file: from its start to the next record's.
    private let spans: [(file: UInt16, lines: ClosedRange<UInt32>)]

    public init(_ registry: Registry, changes: [RecordStatus]) {
        let records = registry.records
        var subjects: Set<Subject> = []
        var spans: [(file: UInt16, lines: ClosedRange<UInt32>)] = []
        for index in records.indices where changes[index] != .unchanged {
            subjects.insert(Subject(records[index]))
            guard let start = records[index].locations[.record] else { continue }
            let fieldLines = RecordField.allCases.compactMap { records[index].locations[$0]?.line }
            var end = fieldLines.max() ?? start.line
            if index + 1 < records.count, let next = records[index + 1].locations[.record], next.file == start.file {
                end = max(end, next.line > start.line ? next.line - 1 : start.line)
            }
            spans.append((start.file, start.line...max(start.line, end)))
        }
        self.subjects = subjects
        self.spans = spans
    }

    /// Whether the finding is on a record the change added or changed.
    public func covers(_ finding: Finding) -> Bool {
        let subject = finding.subject
        if subject.name != nil || subject.port != nil || subject.protocol != nil {
            return subjects.contains(subject)
        }
        guard let location = finding.location else { return false }
        return spans.contains { $0.file == location.file && $0.lines.contains(location.line) }
    }
}
