@testable import RegistryValidation
import Testing

/// The schema check streams first and checks an invalid file again as a tree.
@Suite struct SchemaCheckTests {
    /// Two records with an element out of place, a valid one between them.
    static let twoMisplaced = Array("""
        <registry xmlns="http://www.iana.org/assignments">
        <record><description>x</description><colour/></record>
        <record><name>b</name><description>y</description></record>
        <record><description>z</description><br/></record>
        </registry>
        """.utf8)

    @Test func theTreeFindsEachElementOutOfPlace() {
        let found = SchemaCheck.violations(in: Self.twoMisplaced)
        #expect(found.map { "\($0.line):\($0.column)" } == ["2:37", "4:37"])
    }

    /// Past the tree limit only the stream's findings up to its first element out of place
    /// are kept: the ones after it are the streaming validator's noise.
    @Test func aFileTooLargeForATreeKeepsWhatTheStreamIsSureOf() {
        let found = SchemaCheck.violations(in: Self.twoMisplaced, treeLimit: 0)
        #expect(found.map { "\($0.line):\($0.column)" } == ["2:37"])
        #expect(found.first?.message == "Did not expect element colour there")
    }

    /// The tree check of records in chunks finds what the check of the whole tree finds, at
    /// the same places, the tail's (people) from the last chunk.
    @Test func recordsCheckedInChunksGiveTheWholeTreesFindings() {
        var text = "<registry xmlns=\"http://www.iana.org/assignments\">\n<title>T</title>\n"
        for index in 0..<23 {
            text += index % 5 == 2 ? "<record><name>r\(index)</name></record>\n" : "<record><description>d</description></record>\n"
            if index == 11 { text += "<record><description>e</description><colour/></record>\n" }
        }
        text += "<people><person id=\"x\"><shape/></person></people>\n</registry>\n"
        let bytes = Array(text.utf8)
        let whole = SchemaCheck.violations(in: bytes, chunkSize: .max)
        let chunked = SchemaCheck.violations(in: bytes, chunkSize: 4)
        #expect(whole.count >= 6, "five records', the person's: \(whole.map(\.message))")
        #expect(chunked.map { "\($0.line):\($0.column) \($0.message)" } == whole.map { "\($0.line):\($0.column) \($0.message)" })
    }
}
